--- The `assert` object: `assert(value, message)` like Lua's, and chains of words
-- (`assert.is_not.same(a, b)`, `assert.spy(s).was.called_with(1)`) resolved against the
-- registered modifiers and assertions. A failed assertion raises its message, formatted
-- with `say`, positioned at the first frame outside the harness (the spec's line), and
-- carries a readable expected/actual diff for the reporters.
local position = require("busted.position")
position.mark_internal()
local say = require("say")
local astate = require("luassert.state")
local util = require("luassert.util")
local namespace = require("luassert.namespaces")
local diff = require("luassert.diff")

local assert_obj -- the module table
local level_mt = {}

-- Assertions whose first two formatted arguments are "actual" and "expected".
local diffable = {
  same = true, equals = true, equal = true, called_with = true, returned_with = true,
  error = true, errors = true,
}

local function failure_text(message_key, failure_message, args)
  if util.hastostring(failure_message) then
    failure_message = tostring(failure_message)
  elseif failure_message ~= nil then
    failure_message = astate.format_argument(failure_message)
  end
  local message = say(message_key, assert_obj:format(args))
  if message and failure_message then
    message = failure_message .. "\n" .. message
  end
  return message or failure_message
end

local chain_mt = {}

chain_mt.__index = function(self, key)
  for token in key:lower():gmatch("[^_]+") do
    table.insert(self.tokens, token)
  end
  return self
end

chain_mt.__call = function(self, ...)
  local keys = util.extract_keys("assertion", self.tokens)
  local level = position.outside(2) or 2
  local assertion
  for _, key in ipairs(keys) do
    assertion = namespace.assertion[key] or assertion
  end

  if not assertion then
    -- Only modifiers: they take the arguments (a spy, an array, a message) and the chain goes on.
    local arguments = util.make_arglist(...)
    self.tokens = {}
    for _, key in ipairs(keys) do
      if namespace.modifier[key] then namespace.modifier[key].callback(self, arguments, level) end
    end
    return self
  end

  for _, key in ipairs(keys) do
    if namespace.modifier[key] then namespace.modifier[key].callback(self) end
  end
  local arguments = util.make_arglist(...)
  local passed, returned = assertion.callback(self, arguments, level)
  if (not passed) == self.mod then
    local key = self.mod and assertion.positive_message or assertion.negative_message
    local detail
    if self.mod and diffable[assertion.name] and arguments.n >= 2 then
      local nofmt = arguments.nofmt or {}
      if not nofmt[1] and not nofmt[2] then detail = diff.between(arguments[2], arguments[1]) end
    end
    local message = failure_text(key, rawget(self, "failure_message"), arguments)
    astate.raise(message or "assertion failed!", level, detail)
  end
  if returned then return util.unpack(returned) end
  return ...
end

assert_obj = {
  --- A fresh chain (every `assert.word` starts one).
  state = function() return setmetatable({ mod = true, tokens = {} }, chain_mt) end,

  --- Registers `callback` under `name` in a namespace ("assertion", "modifier", "matcher"),
  -- with the `say` keys of the messages shown when it fails (and when it fails negated).
  register = function(_, kind, name, callback, positive_message, negative_message)
    local lower = name:lower()
    namespace[kind] = namespace[kind] or {}
    namespace[kind][lower] = {
      callback = callback, name = lower,
      positive_message = positive_message, negative_message = negative_message,
    }
  end,

  unregister = function(_, kind, name)
    namespace[kind] = namespace[kind] or {}
    namespace[kind][name:lower()] = nil
  end,

  add_formatter = function(_, fn) astate.add_formatter(fn) end,
  remove_formatter = function(_, fn) astate.remove_formatter(fn) end,

  --- Formats arguments in place for a message (`n` counts trailing nils; `nofmt` skips).
  format = function(_, args)
    local nofmt = args.nofmt or {}
    local fmtargs = args.fmtargs or {}
    for i = 1, args.n or #args do
      if not nofmt[i] then
        local text = astate.format_argument(args[i], nil, fmtargs[i])
        if text == nil then text = tostring(args[i]) end
        args[i] = text
      end
    end
    return args
  end,

  set_parameter = function(_, name, value) astate.set_parameter(name, value) end,
  get_parameter = function(_, name) return astate.get_parameter(name) end,
  add_spy = function(_, spy) astate.add_spy(spy) end,
  snapshot = function() return astate.snapshot() end,

  --- An error level for `assert(value, message, assert:level(2))`.
  level = function(_, level) return setmetatable({ level = level }, level_mt) end,
  get_level = function(_, level)
    if getmetatable(level) ~= level_mt then return nil end
    return level.level
  end,
}

return setmetatable(assert_obj, {
  __call = function(self, value, message, level, ...)
    if not value then
      local wanted = (self:get_level(level) or 1) + 1
      astate.raise(message or "assertion failed!", position.outside(wanted) or wanted)
    end
    return value, message, level, ...
  end,
  __index = function(self, key)
    return rawget(self, key) or self.state()[key]
  end,
})
