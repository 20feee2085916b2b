--- A small JSON encoder for the json reporter: sorted object keys, UTF-8 passed through,
-- control characters escaped. Tables marked with `json.array` (or with a sequence part)
-- are arrays.
local json = {}
local array_mt = {}

--- Marks `t` as a JSON array, even when empty.
function json.array(t)
  return setmetatable(t or {}, array_mt)
end

local escapes = { ['"'] = '\\"', ["\\"] = "\\\\", ["\b"] = "\\b", ["\f"] = "\\f",
  ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t" }

local function string_literal(text)
  return '"' .. text:gsub('[%c"\\]', function(c)
    return escapes[c] or string.format("\\u%04x", c:byte())
  end) .. '"'
end

local function encode(value, out)
  local kind = type(value)
  if kind == "nil" then
    out[#out + 1] = "null"
  elseif kind == "boolean" then
    out[#out + 1] = tostring(value)
  elseif kind == "number" then
    if value ~= value or value == math.huge or value == -math.huge then
      out[#out + 1] = "null"
    elseif math.type(value) == "integer" then
      out[#out + 1] = string.format("%d", value)
    else
      out[#out + 1] = string.format("%.14g", value)
    end
  elseif kind == "string" then
    out[#out + 1] = string_literal(value)
  elseif kind == "table" then
    if getmetatable(value) == array_mt or #value > 0 then
      out[#out + 1] = "["
      for i = 1, #value do
        if i > 1 then out[#out + 1] = "," end
        encode(value[i], out)
      end
      out[#out + 1] = "]"
    else
      local keys = {}
      for key in pairs(value) do keys[#keys + 1] = tostring(key) end
      table.sort(keys)
      out[#out + 1] = "{"
      for i, key in ipairs(keys) do
        if i > 1 then out[#out + 1] = "," end
        out[#out + 1] = string_literal(key) .. ":"
        local item = value[key]
        if item == nil then item = value[tonumber(key)] end
        encode(item, out)
      end
      out[#out + 1] = "}"
    end
  else
    out[#out + 1] = string_literal(tostring(value))
  end
end

--- JSON text for `value`.
function json.encode(value)
  local out = {}
  encode(value, out)
  return table.concat(out)
end

return json
