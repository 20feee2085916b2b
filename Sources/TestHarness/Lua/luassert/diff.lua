--- A readable difference between an expected and an actual value, for failure reports.
--
-- Tables (and argument lists) are printed one entry per line with sorted keys, multi-line
-- strings line by line; the two printouts are compared line by line (longest common
-- subsequence) and shown as a unified diff: "-" expected only, "+" actual only.
local position = require("busted.position")
position.mark_internal()

local diff = {}
local CONTEXT = 3      -- unchanged lines kept around each change
local MAX_DEPTH = 12   -- nesting printed before "{ ... }"
local MAX_CELLS = 4e6  -- LCS table size before falling back to "all removed, all added"

local function quote(text)
  return '"' .. text:gsub('[%c"\\]', function(c)
    local named = { ["\n"] = "\\n", ["\t"] = "\\t", ["\r"] = "\\r", ['"'] = '\\"', ["\\"] = "\\\\" }
    return named[c] or string.format("\\%03d", c:byte())
  end) .. '"'
end

local function scalar(value)
  if type(value) == "string" then return quote(value) end
  if math.type(value) == "float" and value == math.floor(value) and value == value
    and value ~= math.huge and value ~= -math.huge then
    return string.format("%.1f", value)
  end
  if type(value) == "table" or type(value) == "function" or type(value) == "userdata"
    or type(value) == "thread" then
    return "<" .. type(value) .. ">"
  end
  return tostring(value)
end

local function is_identifier(key)
  return type(key) == "string" and key:match("^[%a_][%w_]*$") ~= nil
end

local rank = { number = 1, boolean = 2, string = 3 }
local function sorted_keys(t, length)
  local keys = {}
  for key in next, t do
    if not (math.type(key) == "integer" and key >= 1 and key <= length) then keys[#keys + 1] = key end
  end
  table.sort(keys, function(a, b)
    local ra, rb = rank[type(a)] or 4, rank[type(b)] or 4
    if ra ~= rb then return ra < rb end
    if ra == 4 or ra == 2 then return tostring(a) < tostring(b) end
    return a < b
  end)
  return keys
end

local function is_arglist(value)
  return require("luassert.util").is_arglist(value)
end

local function render_into(lines, value, indent, label, seen, depth)
  if type(value) ~= "table" then
    lines[#lines + 1] = indent .. label .. scalar(value) .. ","
    return
  end
  if seen[value] then
    lines[#lines + 1] = indent .. label .. "<cycle>,"
    return
  end
  if depth > MAX_DEPTH then
    lines[#lines + 1] = indent .. label .. "{ ... },"
    return
  end
  seen[value] = true
  local arglist = is_arglist(value)
  local length = arglist and (value.n or #value) or #value
  local keys = sorted_keys(value, length)
  if length == 0 and #keys == 0 then
    lines[#lines + 1] = indent .. label .. "{},"
  else
    lines[#lines + 1] = indent .. label .. (arglist and "(values) {" or "{")
    local inner = indent .. "  "
    for i = 1, length do render_into(lines, value[i], inner, "[" .. i .. "] = ", seen, depth + 1) end
    for _, key in ipairs(keys) do
      if not (arglist and key == "n") then
        local name = is_identifier(key) and key or ("[" .. scalar(key) .. "]")
        render_into(lines, value[key], inner, name .. " = ", seen, depth + 1)
      end
    end
    lines[#lines + 1] = indent .. "},"
  end
  seen[value] = nil
end

--- The lines a value is compared by.
function diff.render(value)
  if type(value) == "string" then
    local lines = {}
    for line in (value .. "\n"):gmatch("(.-)\n") do lines[#lines + 1] = line end
    return lines
  end
  local lines = {}
  render_into(lines, value, "", "", {}, 0)
  lines[#lines] = lines[#lines]:gsub(",$", "")
  return lines
end

-- Edit script between two line lists: { {op = " "|"-"|"+", text = line}, ... }.
local function edits(a, b)
  local first, last_a, last_b = 1, #a, #b
  while first <= last_a and first <= last_b and a[first] == b[first] do first = first + 1 end
  while last_a >= first and last_b >= first and a[last_a] == b[last_b] do
    last_a, last_b = last_a - 1, last_b - 1
  end
  local script = {}
  for i = 1, first - 1 do script[#script + 1] = { op = " ", text = a[i] } end

  local n, m = last_a - first + 1, last_b - first + 1
  if n * m > MAX_CELLS then
    for i = first, last_a do script[#script + 1] = { op = "-", text = a[i] } end
    for j = first, last_b do script[#script + 1] = { op = "+", text = b[j] } end
  else
    -- lcs[i][j]: common length of a[first+i-1 ..] and b[first+j-1 ..]
    local lcs = {}
    for i = n + 1, 1, -1 do
      local row, below = {}, lcs[i + 1]
      for j = m + 1, 1, -1 do
        if i > n or j > m then
          row[j] = 0
        elseif a[first + i - 1] == b[first + j - 1] then
          row[j] = below[j + 1] + 1
        else
          local down, right = below[j], row[j + 1]
          row[j] = down > right and down or right
        end
      end
      lcs[i] = row
    end
    local i, j = 1, 1
    while i <= n or j <= m do
      if i <= n and j <= m and a[first + i - 1] == b[first + j - 1] then
        script[#script + 1] = { op = " ", text = a[first + i - 1] }
        i, j = i + 1, j + 1
      elseif j > m or (i <= n and lcs[i + 1][j] >= lcs[i][j + 1]) then
        script[#script + 1] = { op = "-", text = a[first + i - 1] }
        i = i + 1
      else
        script[#script + 1] = { op = "+", text = b[first + j - 1] }
        j = j + 1
      end
    end
  end
  for i = last_a + 1, #a do script[#script + 1] = { op = " ", text = a[i] } end
  return script
end

--- A unified diff of two line lists, with CONTEXT unchanged lines around changes.
function diff.lines(expected, actual)
  local script = edits(expected, actual)
  local keep = {}
  for index, edit in ipairs(script) do
    if edit.op ~= " " then
      for k = math.max(1, index - CONTEXT), math.min(#script, index + CONTEXT) do keep[k] = true end
    end
  end
  local out, skipped = {}, false
  for index, edit in ipairs(script) do
    if keep[index] then
      if skipped then out[#out + 1] = "  ..." end
      skipped = false
      out[#out + 1] = edit.op .. " " .. edit.text
    else
      skipped = true
    end
  end
  if skipped then out[#out + 1] = "  ..." end
  return out
end

--- The diff report between `expected` and `actual`, or nil when a diff would not help
-- (scalars, single-line strings: the message already shows both).
function diff.between(expected, actual)
  local tables = type(expected) == "table" and type(actual) == "table"
  local texts = type(expected) == "string" and type(actual) == "string"
    and (expected:find("\n") or actual:find("\n"))
  if not tables and not texts then return nil end
  local a, b = diff.render(expected), diff.render(actual)
  local body = diff.lines(a, b)
  local changed = false
  for _, line in ipairs(body) do
    if line:sub(1, 1) ~= " " then changed = true break end
  end
  if not changed then
    if tables then
      return "Difference: none in contents; they are different tables " ..
        "(use `same` to compare contents, or they differ in metatables or functions)."
    end
    return nil
  end
  return "Difference (- expected, + actual):\n" .. table.concat(body, "\n")
end

return diff
