--- luassert's state as a chain of snapshots: formatters, parameters and spies registered
-- since a snapshot are dropped (and the spies reverted) when it is reverted. Also holds the
-- function that raises assertion failures, which busted replaces with its `fail`.
local position = require("busted.position")
position.mark_internal()

local state = {}
local snapshot_mt = { __call = function(self) self:revert() end }
local NIL = {} -- stands for a parameter explicitly set to nil
local current

--- Raises an assertion's error `level` frames above the caller; `detail` is a readable diff.
state.raise = function(message, level)
  error(message, level + 1)
end

--- Replaces the raising function (busted makes failures distinguishable from errors).
function state.set_raise(fn)
  state.raise = fn
end

function state.revert(self)
  if not self then
    self = current
    if not self.previous then return end -- the base state is never reverted
  end
  if getmetatable(self) ~= snapshot_mt then error("Value provided is not a valid snapshot", 2) end
  if self.next then self.next:revert() end
  self.formatters, self.parameters = {}, {}
  for spy in pairs(self.spies) do
    self.spies[spy] = nil
    spy:revert()
  end
  setmetatable(self, nil)
  current = self.previous
  current.next = nil
end

function state.snapshot()
  local new = setmetatable({
    formatters = {},
    parameters = {},
    spies = setmetatable({}, { __mode = "kv" }),
    previous = current,
    revert = state.revert,
  }, snapshot_mt)
  if current then current.next = new end
  current = new
  return new
end

function state.add_formatter(fn)
  table.insert(current.formatters, 1, fn)
end

function state.remove_formatter(fn, snapshot)
  snapshot = snapshot or current
  for i, candidate in ipairs(snapshot.formatters) do
    if candidate == fn then
      table.remove(snapshot.formatters, i)
      break
    end
  end
  if snapshot.previous then state.remove_formatter(fn, snapshot.previous) end
end

--- Text for `value` from the newest formatter that accepts it, or nil.
function state.format_argument(value, snapshot, fmtargs)
  snapshot = snapshot or current
  while snapshot do
    for _, formatter in ipairs(snapshot.formatters) do
      local text = formatter(value, fmtargs)
      if text ~= nil then return text end
    end
    snapshot = snapshot.previous
  end
  return nil
end

function state.set_parameter(name, value)
  if value == nil then value = NIL end
  current.parameters[name] = value
end

function state.get_parameter(name)
  local snapshot = current
  while snapshot do
    local value = snapshot.parameters[name]
    if value ~= nil then
      if value == NIL then return nil end
      return value
    end
    snapshot = snapshot.previous
  end
  return nil
end

function state.add_spy(spy)
  current.spies[spy] = true
end

state.snapshot() -- the base state

return state
