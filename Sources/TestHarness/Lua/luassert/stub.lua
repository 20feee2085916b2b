--- Stubs: spies whose function is replaced. `stub(t, "key", ...)` makes t.key return the
-- given values (or call the one given function); `.returns`, `.invokes`, `.on_call_with`
-- change the behaviour; `revert` puts the original back.
local position = require("busted.position")
position.mark_internal()
local assert = require("luassert.assert")
local spy = require("luassert.spy")
local util = require("luassert.util")

local stub = {}

function stub.new(object, key, ...)
  if object == nil and key == nil then
    object, key = {}, "" -- a blank stub
  end
  local return_values = util.pack(...)
  assert(type(object) == "table" and key ~= nil,
    "stub.new(): Can only create stub on a table key, call with 2 params; table, key", util.errorlevel())
  assert(object[key] == nil or util.callable(object[key]),
    "stub.new(): The element for which to create a stub must either be callable, or be nil", util.errorlevel())
  local original = object[key]

  local given = return_values.n == 1 and util.callable(return_values[1]) and return_values[1]
  local default = given or function() return util.unpack(return_values) end
  local oncalls, behaviours = {}, {}

  object[key] = function(...)
    local found = util.matchoncalls(oncalls, util.make_arglist(...))
    if found then return behaviours[found](...) end
    return default(...)
  end
  local s = spy.on(object, key)
  local spy_revert = s.revert

  s.revert = function(self)
    if not self.reverted then
      spy_revert(self)
      object[key] = original
      self.reverted = true
    end
    return original
  end

  s.returns = function(...)
    local values = util.pack(...)
    default = function() return util.unpack(values) end
    return s
  end

  s.invokes = function(fn)
    default = function(...) return fn(...) end
    return s
  end

  s.by_default = { returns = s.returns, invokes = s.invokes }

  s.on_call_with = function(...)
    local specs = util.copyargs(util.make_arglist(...))
    return {
      returns = function(...)
        local values = util.pack(...)
        table.insert(oncalls, specs)
        behaviours[specs] = function() return util.unpack(values) end
        return s
      end,
      invokes = function(fn)
        table.insert(oncalls, specs)
        behaviours[specs] = function(...) return fn(...) end
        return s
      end,
    }
  end

  return s
end

local function set_stub(state, arguments)
  state.payload = arguments[1]
  state.failure_message = arguments[2]
end

assert:register("modifier", "stub", set_stub)

return setmetatable(stub, {
  __call = function(_, ...) return stub.new(...) end,
})
