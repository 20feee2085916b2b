--- `assert.array(t).has.no.holes()`: the `array` modifier stores the table, the `holes`
-- assertion looks for the first missing index (up to an explicit length or the largest key).
local assert = require("luassert.assert")

local KEY = "__array_state"

local function array(state, arguments)
  assert(arguments.n > 0, "No array provided to the array-modifier")
  assert(rawget(state, KEY) == nil, "Array already set")
  rawset(state, KEY, arguments[1])
  return state
end

local function holes(state, arguments)
  local length = arguments[1]
  local list = rawget(state, KEY)
  assert(list ~= nil, "No array set, please use the array modifier to set the array to validate")
  if length == nil then
    length = 0
    for key in pairs(list) do
      if type(key) == "number" and key > length and math.floor(key) == key then length = key end
    end
  end
  assert(type(length) == "number", "expected array length to be of type 'number', got: " .. tostring(length))
  local missing
  for i = 1, length do
    if list[i] == nil then
      missing = i
      break
    end
  end
  arguments[1] = missing
  arguments.n = missing and 1 or 0
  return missing ~= nil, { missing }
end

assert:register("assertion", "holes", holes, "assertion.array_holes.positive", "assertion.array_holes.negative")
assert:register("modifier", "array", array)
