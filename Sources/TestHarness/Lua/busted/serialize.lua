--- Plain data (records of a run) as Lua source and back, to carry them from the state that
-- ran a spec file to the state that renders the report. Only nil, booleans, numbers,
-- strings and tables of them; cycles, functions and userdata are refused.
local serialize = {}

local function encode(value, out, seen)
  local kind = type(value)
  if kind == "string" then
    out[#out + 1] = string.format("%q", value)
  elseif kind == "number" then
    if value ~= value then
      out[#out + 1] = "(0/0)"
    elseif value == math.huge then
      out[#out + 1] = "math.huge"
    elseif value == -math.huge then
      out[#out + 1] = "-math.huge"
    else
      out[#out + 1] = string.format(math.type(value) == "integer" and "%d" or "%.17g", value)
    end
  elseif kind == "boolean" or kind == "nil" then
    out[#out + 1] = tostring(value)
  elseif kind == "table" then
    if seen[value] then error("serialize: cycle in data", 0) end
    seen[value] = true
    out[#out + 1] = "{"
    for key, item in pairs(value) do
      out[#out + 1] = "["
      encode(key, out, seen)
      out[#out + 1] = "]="
      encode(item, out, seen)
      out[#out + 1] = ","
    end
    out[#out + 1] = "}"
    seen[value] = nil
  else
    error("serialize: cannot encode a " .. kind, 0)
  end
end

--- Lua source that evaluates to `value`.
function serialize.encode(value)
  local out = { "return " }
  encode(value, out, {})
  return table.concat(out)
end

--- The value encoded by `serialize.encode`; the text runs with an empty environment
-- (only `math.huge` is reachable).
function serialize.decode(text)
  local chunk, err = load(text, "=record", "t", { math = { huge = math.huge } })
  if not chunk then error("serialize: malformed record: " .. err, 0) end
  return chunk()
end

return serialize
