--- How values appear in assertion messages: "(number) 1", "(string) 'x'", tables one key
-- per line with the path to the first difference marked by "*", matchers and value lists.
-- Same texts as luassert, except functions, which show no definition line (no debug library).
-- The difference marker is coloured only when TableErrorHighlightColor asks (default "none":
-- the sandbox cannot tell a terminal; reporters colour their own output).
local position = require("busted.position")
position.mark_internal()
local assert = require("luassert.assert")
local match = require("luassert.match")
local util = require("luassert.util")

-- Numbers printed precisely, floats that look whole keep their ".0".
local function number_text(value)
  if type(value) ~= "number" then return tostring(value) end
  if value ~= value then return "NaN" end
  if value == math.huge then return "Inf" end
  if value == -math.huge then return "-Inf" end
  local text = string.format("%.20g", value)
  if math.type(value) == "float" and not text:find("[%.,]") then
    text = text:gsub("%d+", "%0.0", 1)
  end
  return text
end

-- ANSI SGR codes for TableErrorHighlightColor ("red", "bright.red", "none").
local SGR = { reset = 0, clear = 0, default = 0, bright = 1, dim = 2, underscore = 4, blink = 5,
  reverse = 7, hidden = 8, black = 30, red = 31, green = 32, yellow = 33, blue = 34, magenta = 35,
  cyan = 36, white = 37, onblack = 40, onred = 41, ongreen = 42, onyellow = 43, onblue = 44,
  onmagenta = 45, oncyan = 46, onwhite = 47 }

local function colour(name, text)
  if not name or name == "none" then return text end
  for token in name:gmatch("[^%.]+") do
    if SGR[token] then text = "\27[" .. SGR[token] .. "m" .. text .. "\27[0m" end
  end
  return text
end

local function fmt_string(value)
  if type(value) == "string" then return string.format("(string) '%s'", value) end
end

local function fmt_number(value)
  if type(value) == "number" then return string.format("(number) %s", number_text(value)) end
end

local function fmt_boolean(value)
  if type(value) == "boolean" then return string.format("(boolean) %s", tostring(value)) end
end

local function fmt_nil(value)
  if value == nil then return "(nil)" end
end

local priorities = { number = 1, boolean = 2, string = 3, table = 4, ["function"] = 5, userdata = 6, thread = 7 }

local function sorted_keys(t)
  local keys = {}
  for key in pairs(t) do keys[#keys + 1] = key end
  local length = #t
  local function in_array(key)
    return type(key) == "number" and key >= 1 and key <= length and math.floor(key) == key
  end
  table.sort(keys, function(a, b)
    local ta, tb = type(a), type(b)
    local pa = in_array(a) and 0 or priorities[ta] or 8
    local pb = in_array(b) and 0 or priorities[tb] or 8
    if pa ~= pb then return pa < pb end
    if ta == "string" or ta == "number" then return a < b end
    if ta == "boolean" then return a end
    return false
  end)
  return keys
end

local function fmt_table(value, fmtargs)
  if type(value) ~= "table" then return end
  local max_level = assert:get_parameter("TableFormatLevel")
  local show_recursion = assert:get_parameter("TableFormatShowRecursion")
  local marker = assert:get_parameter("TableErrorHighlightCharacter") or ""
  local marker_colour = assert:get_parameter("TableErrorHighlightColor")
  local crumbs = fmtargs and fmtargs.crumbs or {}
  local visiting = {}

  local description
  local mt = getmetatable(value)
  if mt == nil then
    description = "(" .. tostring(value) .. ") "
  elseif not pcall(setmetatable, value, mt) then
    description = "(table) " -- protected metatable: keep its __tostring out of the way
  else
    setmetatable(value, nil)
    description = "(" .. tostring(value) .. ") "
    setmetatable(value, mt)
  end

  local function render(t, level, on_path)
    if show_recursion and visiting[t] and visiting[t] > 0 then return "{ ... recursive }" end
    if next(t) == nil then return "{ }" end
    if level > max_level and max_level >= 0 then return "{ ... more }" end
    visiting[t] = (visiting[t] or 0) + 1
    local crumb = crumbs[#crumbs - level + 1]
    local text = "{"
    for _, key in ipairs(sorted_keys(t)) do
      local item = t[key]
      local marked = on_path and key == crumb
      if type(item) == "table" then
        item = render(item, level + 1, marked)
      elseif type(item) == "string" then
        item = "'" .. item .. "'"
      end
      local mark = marked and marker or ""
      local indent = string.rep(" ", level * 2 - #mark)
      if #mark > 0 then mark = colour(marker_colour, mark) end
      text = text .. string.format("\n%s%s[%s] = %s", indent, mark, number_text(key), number_text(item))
    end
    visiting[t] = visiting[t] - 1
    return text .. " }"
  end

  return description .. render(value, 1, true)
end

local function fmt_function(value)
  if type(value) == "function" then return tostring(value) end
end

local function fmt_userdata(value)
  if type(value) == "userdata" then return string.format("(userdata) '%s'", tostring(value)) end
end

local function fmt_thread(value)
  if type(value) == "thread" then return string.format("(thread) '%s'", tostring(value)) end
end

local function fmt_matcher(value)
  if not match.is_matcher(value) then return end
  local args = {}
  for i = 1, value.arguments.n do
    args[#args + 1] = assert:format({ value.arguments[i], n = 1 })[1]
  end
  return string.format("(matcher) %s%s(%s)", value.mod and "is." or "no.", tostring(value.name),
    table.concat(args, ", "))
end

local function fmt_arglist(value)
  if not util.is_arglist(value) then return end
  local texts = {}
  for i = 1, value.n do texts[#texts + 1] = assert:format({ value[i], n = 1 })[1] end
  return "(values list) (" .. table.concat(texts, ", ") .. ")"
end

for _, formatter in ipairs({ fmt_string, fmt_number, fmt_boolean, fmt_nil, fmt_table, fmt_function,
  fmt_userdata, fmt_thread, fmt_matcher, fmt_arglist }) do
  assert:add_formatter(formatter)
end

assert:set_parameter("TableFormatLevel", 3)
assert:set_parameter("TableFormatShowRecursion", false)
assert:set_parameter("TableErrorHighlightCharacter", "*")
assert:set_parameter("TableErrorHighlightColor", "none")
