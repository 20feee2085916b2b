--- The words that only read well (is, are, was, has, does) and the ones that negate (not, no).
local assert = require("luassert.assert")

local function same(state) return state end
local function negate(state)
  state.mod = not state.mod
  return state
end

for _, word in ipairs({ "is", "are", "was", "has", "does" }) do
  assert:register("modifier", word, same)
end
assert:register("modifier", "not", negate)
assert:register("modifier", "no", negate)
