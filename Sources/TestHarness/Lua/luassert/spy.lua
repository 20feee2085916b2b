--- Spies: callables that record every call (arguments and returned values, copied) and
-- pass through to the wrapped function. `spy.on(t, "key")` replaces t.key until `revert`.
-- Registers the spy assertions: called, called_with, returned_with, called_at_least, ...
local position = require("busted.position")
position.mark_internal()
local assert = require("luassert.assert")
local util = require("luassert.util")

local spy_mt = {
  __call = function(self, ...)
    table.insert(self.calls, util.copyargs(util.make_arglist(...)))
    local function record(...)
      table.insert(self.returnvals, util.copyargs(util.make_arglist(...)))
      return ...
    end
    return record(self.callback(...))
  end,
}

local spy
spy = {
  new = function(callback)
    callback = callback or function() end
    if not util.callable(callback) then
      error("Cannot spy on type '" .. type(callback) .. "', only on functions or callable elements",
        util.errorlevel())
    end
    local s = setmetatable({
      calls = {},
      returnvals = {},
      callback = callback,
      target_table = nil, -- set by spy.on
      target_key = nil,

      revert = function(self)
        if not self.reverted then
          if self.target_table and self.target_key then
            self.target_table[self.target_key] = self.callback
          end
          self.reverted = true
        end
        return self.callback
      end,

      clear = function(self)
        self.calls = {}
        self.returnvals = {}
        return self
      end,

      called = function(self, times, compare)
        if times or compare then
          compare = compare or function(count, expected) return count == expected end
          return compare(#self.calls, times), #self.calls
        end
        return #self.calls > 0, #self.calls
      end,

      called_with = function(self, args)
        local last = #self.calls > 0 and self.calls[#self.calls].vals or nil
        local found = util.matchargs(self.calls, args)
        if found then return true, found.vals end
        return false, last
      end,

      returned_with = function(self, args)
        local last = #self.returnvals > 0 and self.returnvals[#self.returnvals].vals or nil
        local found = util.matchargs(self.returnvals, args)
        if found then return true, found.vals end
        return false, last
      end,
    }, spy_mt)
    assert:add_spy(s)
    return s
  end,

  is_spy = function(value)
    return type(value) == "table" and getmetatable(value) == spy_mt
  end,

  on = function(target_table, target_key)
    local s = spy.new(target_table[target_key])
    target_table[target_key] = s
    s.target_table = target_table
    s.target_key = target_key
    return s
  end,
}

local function set_spy(state, arguments)
  state.payload = arguments[1]
  if arguments[2] ~= nil then state.failure_message = arguments[2] end
end

-- For called_with/returned_with: the message shows the matching (or last) call, then the
-- expected arguments.
local function compare_lists(method)
  return function(state, arguments, level)
    local payload = rawget(state, "payload")
    if not (payload and payload[method]) then
      error("'" .. method .. "' must be chained after 'spy(aspy)'", level)
    end
    local holds, shown = payload[method](payload, arguments)
    local expected = util.shallowcopy(arguments)
    util.cleararglist(arguments)
    util.tinsert(arguments, 1, shown)
    util.tinsert(arguments, 2, expected)
    return holds
  end
end

local function called(state, arguments, level, compare)
  local times = arguments[1]
  if not times and not state.mod then
    state.mod = true
    times = 0
  end
  local payload = rawget(state, "payload")
  if payload and type(payload) == "table" and payload.called then
    local result, count = payload:called(times, compare)
    arguments[1] = tostring(times or ">0")
    util.tinsert(arguments, 2, tostring(count))
    arguments.nofmt = arguments.nofmt or {}
    arguments.nofmt[1] = true
    arguments.nofmt[2] = true
    return result
  elseif payload and type(payload) == "function" then
    error("When calling 'spy(aspy)', 'aspy' must not be the original function, but the spy function replacing the original", level)
  end
  error("'called' must be chained after 'spy(aspy)'", level)
end

local function called_compared(compare)
  return function(state, arguments, level) return called(state, arguments, level, compare) end
end

assert:register("modifier", "spy", set_spy)
assert:register("assertion", "returned_with", compare_lists("returned_with"),
  "assertion.returned_with.positive", "assertion.returned_with.negative")
assert:register("assertion", "called_with", compare_lists("called_with"),
  "assertion.called_with.positive", "assertion.called_with.negative")
assert:register("assertion", "called", called, "assertion.called.positive", "assertion.called.negative")
assert:register("assertion", "called_at_least", called_compared(function(n, e) return n >= e end),
  "assertion.called_at_least.positive", "assertion.called_less_than.positive")
assert:register("assertion", "called_at_most", called_compared(function(n, e) return n <= e end),
  "assertion.called_at_most.positive", "assertion.called_more_than.positive")
assert:register("assertion", "called_more_than", called_compared(function(n, e) return n > e end),
  "assertion.called_more_than.positive", "assertion.called_at_most.positive")
assert:register("assertion", "called_less_than", called_compared(function(n, e) return n < e end),
  "assertion.called_less_than.positive", "assertion.called_at_least.positive")

return setmetatable(spy, {
  __call = function(_, ...) return spy.new(...) end,
})
