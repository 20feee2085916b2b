--- The standard assertions. Each takes (state, arguments, level) and returns whether it
-- holds (and optionally values for the chain to return); it may rearrange `arguments` so
-- the message reads "Passed in: <actual> Expected: <expected>".
local position = require("busted.position")
position.mark_internal()
local assert = require("luassert.assert")
local astate = require("luassert.state")
local util = require("luassert.util")
local say = require("say")

local function format(value)
  return astate.format_argument(value) or tostring(value)
end

local function set_failure_message(state, message)
  if message ~= nil then state.failure_message = message end
end

local function needs(count, name, arguments)
  assert(arguments.n >= count, say("assertion.internal.argtolittle", { name, count, tostring(arguments.n) }))
end

-- Moves the actual value (second argument) in front, as the messages expect.
local function actual_first(arguments)
  util.tinsert(arguments, 1, util.tremove(arguments, 2))
end

local function unique(state, arguments)
  local list = arguments[1]
  local deep
  if type(arguments[2]) == "boolean" or (arguments[2] == nil and arguments.n > 2) then
    deep = arguments[2]
    set_failure_message(state, arguments[3])
  else
    if type(arguments[3]) == "boolean" then deep = arguments[3] end
    set_failure_message(state, arguments[2])
  end
  for k1, v1 in pairs(list) do
    for k2, v2 in pairs(list) do
      if k1 ~= k2 then
        if deep and util.deepcompare(v1, v2, true) then return false end
        if v1 == v2 then return false end
      end
    end
  end
  return true
end

local function near(state, arguments)
  needs(3, "near", arguments)
  local expected, actual, tolerance = tonumber(arguments[1]), tonumber(arguments[2]), tonumber(arguments[3])
  local numbertype = "number or object convertible to a number"
  assert(expected, say("assertion.internal.badargtype", { 1, "near", numbertype, format(arguments[1]) }))
  assert(actual, say("assertion.internal.badargtype", { 2, "near", numbertype, format(arguments[2]) }))
  assert(tolerance, say("assertion.internal.badargtype", { 3, "near", numbertype, format(arguments[3]) }))
  actual_first(arguments)
  arguments[3] = tolerance
  arguments.nofmt = arguments.nofmt or {}
  arguments.nofmt[3] = true
  set_failure_message(state, arguments[4])
  return actual >= expected - tolerance and actual <= expected + tolerance
end

-- The failure message among optional (init, plain, message) arguments: the first that is
-- neither a boolean nor a number. Returns the message and the argument number of `init`.
local function take_message(arguments)
  local init_arg = 3
  for i = 3, arguments.n do
    local value = arguments[i]
    if value and type(value) ~= "boolean" and not tonumber(value) then
      if i == 3 then init_arg = init_arg + 1 end
      return util.tremove(arguments, i), init_arg
    end
  end
  return nil, init_arg
end

local function matches(state, arguments)
  needs(2, "matches", arguments)
  local pattern = arguments[1]
  local actual
  if util.hastostring(arguments[2]) or type(arguments[2]) == "number" then
    actual = tostring(arguments[2])
  end
  local message, init_arg = take_message(arguments)
  local init, plain = arguments[3], arguments[4]
  assert(type(pattern) == "string", say("assertion.internal.badargtype", { 1, "matches", "string", type(arguments[1]) }))
  assert(actual, say("assertion.internal.badargtype", { 2, "matches", "string or object convertible to a string", format(arguments[2]) }))
  assert(init == nil or tonumber(init), say("assertion.internal.badargtype", { init_arg, "matches", "number", type(arguments[3]) }))
  actual_first(arguments)
  set_failure_message(state, message)
  if plain then
    local ok = actual:find(pattern, init, plain) ~= nil
    return ok, ok and { pattern } or {}
  end
  local captures = { actual:match(pattern, init) }
  return captures[1] ~= nil, captures
end

local function equals(state, arguments)
  needs(2, "equals", arguments)
  local result = arguments[1] == arguments[2]
  actual_first(arguments)
  set_failure_message(state, arguments[3])
  return result
end

local function same(state, arguments)
  needs(2, "same", arguments)
  if type(arguments[1]) == "table" and type(arguments[2]) == "table" then
    local result, crumbs = util.deepcompare(arguments[1], arguments[2], true)
    actual_first(arguments)
    arguments.fmtargs = arguments.fmtargs or {}
    arguments.fmtargs[1] = { crumbs = crumbs }
    arguments.fmtargs[2] = { crumbs = crumbs }
    set_failure_message(state, arguments[3])
    return result
  end
  local result = arguments[1] == arguments[2]
  actual_first(arguments)
  set_failure_message(state, arguments[3])
  return result
end

local function truthy(state, arguments)
  needs(1, "truthy", arguments)
  set_failure_message(state, arguments[2])
  return arguments[1] ~= false and arguments[1] ~= nil
end

local function falsy(state, arguments, level)
  needs(1, "falsy", arguments)
  return not truthy(state, arguments, level)
end

-- Calls `fn` and strips the "file:line: " that error() put in front of a string message.
local function caught(fn)
  local ok, err = pcall(fn)
  if type(err) == "string" then err = err:gsub("^.-:%d+: ", "", 1) end
  return ok, err
end

local function has_error(state, arguments)
  local retargs = util.shallowcopy(arguments)
  local fn, expected, message = arguments[1], arguments[2], arguments[3]
  assert(util.callable(fn), say("assertion.internal.badargtype", { 1, "error", "function or callable object", type(fn) }))
  local ok, actual = caught(fn)
  retargs[1] = actual
  arguments.nofmt = {}
  arguments.n = 2
  arguments[1] = ok and "(no error)" or actual
  arguments[2] = expected == nil and "(error)" or expected
  arguments.nofmt[1] = ok
  arguments.nofmt[2] = expected == nil
  set_failure_message(state, message)

  if ok or expected == nil then return not ok, retargs end
  if type(expected) == "string" then
    if util.hastostring(actual) then
      actual = tostring(actual)
      retargs[1] = actual
    end
    if type(actual) == "string" then return expected == actual, retargs end
  elseif type(expected) == "number" and type(actual) == "string" then
    return tostring(expected) == tostring(tonumber(actual)), retargs
  end
  return same(state, { expected, actual, n = 2 }), retargs
end

local function error_matches(state, arguments)
  local retargs = util.shallowcopy(arguments)
  needs(2, "error_matches", arguments)
  local fn, pattern = arguments[1], arguments[2]
  assert(util.callable(fn), say("assertion.internal.badargtype", { 1, "error_matches", "function or callable object", type(fn) }))
  assert(pattern == nil or type(pattern) == "string", say("assertion.internal.badargtype", { 2, "error", "string", type(pattern) }))
  local message, init_arg = take_message(arguments)
  local init, plain = arguments[3], arguments[4]
  assert(init == nil or tonumber(init), say("assertion.internal.badargtype", { init_arg, "matches", "number", type(arguments[3]) }))

  local ok, actual = caught(fn)
  retargs[1] = actual
  arguments.nofmt = {}
  arguments.n = 2
  arguments[1] = ok and "(no error)" or actual
  arguments[2] = pattern
  arguments.nofmt[1] = ok
  arguments.nofmt[2] = false
  set_failure_message(state, message)

  if ok then return false, retargs end
  if actual == nil and pattern == nil then return true, {} end
  if util.hastostring(actual) or type(actual) == "number" or type(actual) == "boolean" then
    actual = tostring(actual)
    retargs[1] = actual
  end
  if type(actual) ~= "string" then return false, retargs end
  if plain then
    local found = actual:find(pattern, init, plain) ~= nil
    if found then return true, { pattern } end
    return false, retargs
  end
  local captures = { actual:match(pattern, init) }
  if captures[1] ~= nil then return true, captures end
  return false, retargs
end

local function is_value(expected)
  return function(state, arguments)
    util.tinsert(arguments, 2, expected)
    set_failure_message(state, arguments[3])
    return arguments[1] == arguments[2]
  end
end

local function is_type(kind)
  return function(state, arguments)
    util.tinsert(arguments, 2, "type " .. kind)
    arguments.nofmt = arguments.nofmt or {}
    arguments.nofmt[2] = true
    set_failure_message(state, arguments[3])
    return arguments.n > 1 and type(arguments[1]) == kind
  end
end

local function returned_arguments(_, arguments)
  arguments[1] = tostring(arguments[1])
  arguments[2] = tostring(arguments.n - 1)
  arguments.nofmt = arguments.nofmt or {}
  arguments.nofmt[1] = true
  arguments.nofmt[2] = true
  if arguments.n < 2 then arguments.n = 2 end
  return arguments[1] == arguments[2]
end

local function set_message(state, arguments)
  state.failure_message = arguments[1]
end

local same_messages = { "assertion.same.positive", "assertion.same.negative" }

assert:register("modifier", "message", set_message)
assert:register("assertion", "true", is_value(true), table.unpack(same_messages))
assert:register("assertion", "false", is_value(false), table.unpack(same_messages))
for _, kind in ipairs({ "boolean", "number", "string", "table", "nil", "userdata", "function", "thread" }) do
  assert:register("assertion", kind, is_type(kind), table.unpack(same_messages))
end
assert:register("assertion", "returned_arguments", returned_arguments,
  "assertion.returned_arguments.positive", "assertion.returned_arguments.negative")

assert:register("assertion", "same", same, table.unpack(same_messages))
for _, word in ipairs({ "matches", "match" }) do
  assert:register("assertion", word, matches, "assertion.matches.positive", "assertion.matches.negative")
end
assert:register("assertion", "near", near, "assertion.near.positive", "assertion.near.negative")
for _, word in ipairs({ "equals", "equal" }) do
  assert:register("assertion", word, equals, "assertion.equals.positive", "assertion.equals.negative")
end
assert:register("assertion", "unique", unique, "assertion.unique.positive", "assertion.unique.negative")
for _, word in ipairs({ "error", "errors" }) do
  assert:register("assertion", word, has_error, "assertion.error.positive", "assertion.error.negative")
end
for _, word in ipairs({ "error_matches", "error_match", "matches_error", "match_error" }) do
  assert:register("assertion", word, error_matches, "assertion.error.positive", "assertion.error.negative")
end
assert:register("assertion", "truthy", truthy, "assertion.truthy.positive", "assertion.truthy.negative")
assert:register("assertion", "falsy", falsy, "assertion.falsy.positive", "assertion.falsy.negative")
