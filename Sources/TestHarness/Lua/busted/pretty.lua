--- Readable text for a value thrown as an error object (tables, numbers, booleans),
-- in the shape of Penlight's `pretty.write` that busted uses, with keys sorted.
local position = require("busted.position")
position.mark_internal()

local pretty = {}

local keywords = {}
for word in ([[and break do else elseif end false for function goto if in local nil not or
  repeat return then true until while]]):gmatch("%a+") do keywords[word] = true end

--- A Lua string literal for `text`, escaping quotes, backslashes and control characters.
function pretty.quote(text)
  return '"' .. text:gsub('[%c"\\]', function(c)
    local named = { ["\n"] = "\\n", ["\t"] = "\\t", ["\r"] = "\\r", ['"'] = '\\"', ["\\"] = "\\\\" }
    return named[c] or string.format("\\%03d", c:byte())
  end) .. '"'
end

local function is_identifier(key)
  return type(key) == "string" and key:match("^[%a_][%w_]*$") ~= nil and not keywords[key]
end

-- Array part first, then numbers, booleans, strings, then anything else by its text.
local rank = { number = 1, boolean = 2, string = 3 }
local function sorted_keys(t)
  local n = #t
  local keys = {}
  for key in next, t do
    if not (math.type(key) == "integer" and key >= 1 and key <= n) then keys[#keys + 1] = key end
  end
  table.sort(keys, function(a, b)
    local ra, rb = rank[type(a)] or 4, rank[type(b)] or 4
    if ra ~= rb then return ra < rb end
    if ra == 4 or ra == 2 then return tostring(a) < tostring(b) end
    return a < b
  end)
  return n, keys
end

local function scalar(value)
  if type(value) == "string" then return pretty.quote(value) end
  return tostring(value)
end

local function write(value, indent, seen)
  if type(value) ~= "table" then return scalar(value) end
  if seen[value] then return "<cycle>" end
  seen[value] = true
  local n, keys = sorted_keys(value)
  if n == 0 and #keys == 0 then
    seen[value] = nil
    return "{}"
  end
  local inner = indent .. "  "
  local items = {}
  for i = 1, n do items[#items + 1] = inner .. write(value[i], inner, seen) end
  for _, key in ipairs(keys) do
    local label = is_identifier(key) and key or ("[" .. scalar(key) .. "]")
    items[#items + 1] = inner .. label .. " = " .. write(value[key], inner, seen)
  end
  seen[value] = nil
  return "{\n" .. table.concat(items, ",\n") .. "\n" .. indent .. "}"
end

--- Multi-line text for any value.
function pretty.write(value)
  return write(value, "", {})
end

return pretty
