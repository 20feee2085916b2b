--- Mocks: every function in a table (recursively) replaced by a spy, or by a stub when
-- `dostub` is true. `mock.clear` and `mock.revert` apply to all the spies inside.
local spy = require("luassert.spy")
local stub = require("luassert.stub")

local function apply(object, action)
  if type(object) ~= "table" then return end
  if spy.is_spy(object) then return object[action](object) end
  for _, value in pairs(object) do apply(value, action) end
  return object
end

local mock = {}

function mock.new(object, dostub, fn, self, key)
  local visited = {}
  local function wrap(value, owner, name)
    if type(value) == "table" then
      if spy.is_spy(value) or visited[value] then return value end
      visited[value] = true
      for k, v in pairs(value) do value[k] = wrap(v, value, k) end
      return value
    elseif type(value) == "function" then
      if dostub then return stub(owner, name, fn) end
      if owner == nil then return spy.new(value) end
      return spy.on(owner, name)
    end
    return value
  end
  return wrap(object, self, key)
end

function mock.clear(object) return apply(object, "clear") end
function mock.revert(object) return apply(object, "revert") end

return setmetatable(mock, {
  __call = function(_, ...) return mock.new(...) end,
})
