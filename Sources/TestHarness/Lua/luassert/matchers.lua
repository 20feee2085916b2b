--- The standard matchers. Each takes (state, arguments, level) when the matcher is built
-- and returns the function that tests a value.
local position = require("busted.position")
position.mark_internal()
local assert = require("luassert.assert")
local match = require("luassert.match")
local astate = require("luassert.state")
local util = require("luassert.util")
local say = require("say")

local function format(value)
  return astate.format_argument(value) or tostring(value)
end

local function needs(count, name, arguments)
  assert(arguments.n >= count, say("assertion.internal.argtolittle", { name, count, tostring(arguments.n) }))
end

local function all_matchers(name, arguments)
  needs(1, name, arguments)
  for i = 1, arguments.n do
    assert(match.is_matcher(arguments[i]), say("assertion.internal.badargtype", { 1, name, "matcher", type(arguments[i]) }))
  end
end

local function unique(_, arguments)
  local deep = arguments[1]
  return function(list)
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
end

local function near(_, arguments)
  needs(2, "near", arguments)
  local expected, tolerance = tonumber(arguments[1]), tonumber(arguments[2])
  local numbertype = "number or object convertible to a number"
  assert(expected, say("assertion.internal.badargtype", { 1, "near", numbertype, format(arguments[1]) }))
  assert(tolerance, say("assertion.internal.badargtype", { 2, "near", numbertype, format(arguments[2]) }))
  return function(value)
    local actual = tonumber(value)
    return actual ~= nil and actual >= expected - tolerance and actual <= expected + tolerance
  end
end

local function matches(_, arguments)
  needs(1, "matches", arguments)
  local pattern, init, plain = arguments[1], arguments[2], arguments[3]
  assert(type(pattern) == "string", say("assertion.internal.badargtype", { 1, "matches", "string", type(arguments[1]) }))
  assert(init == nil or tonumber(init), say("assertion.internal.badargtype", { 2, "matches", "number", type(arguments[2]) }))
  return function(value)
    local kind = type(value)
    local text
    if kind == "string" or kind == "number" or (kind == "table" and util.hastostring(value)) then
      text = tostring(value)
    end
    return text ~= nil and text:find(pattern, init, plain) ~= nil
  end
end

local function equals(_, arguments)
  needs(1, "equals", arguments)
  return function(value) return value == arguments[1] end
end

local function same(_, arguments)
  needs(1, "same", arguments)
  return function(value)
    if type(value) == "table" and type(arguments[1]) == "table" then
      return (util.deepcompare(value, arguments[1], true))
    end
    return value == arguments[1]
  end
end

local function ref(_, arguments)
  needs(1, "ref", arguments)
  local kind = type(arguments[1])
  local is_object = kind == "table" or kind == "function" or kind == "thread" or kind == "userdata"
  assert(is_object, say("assertion.internal.badargtype", { 1, "ref", "object", kind }))
  return function(value) return value == arguments[1] end
end

local function truthy() return function(value) return value ~= false and value ~= nil end end
local function falsy() return function(value) return value == false or value == nil end end

local function is_value(expected)
  return function() return function(value) return value == expected end end
end

local function is_type(kind)
  return function() return function(value) return type(value) == kind end end
end

local function none_of(_, arguments)
  all_matchers("none", arguments)
  return function(value)
    for _, matcher in ipairs(arguments) do
      if matcher(value) then return false end
    end
    return true
  end
end

local function any_of(_, arguments)
  all_matchers("any", arguments)
  return function(value)
    for _, matcher in ipairs(arguments) do
      if matcher(value) then return true end
    end
    return false
  end
end

local function all_of(_, arguments)
  all_matchers("all", arguments)
  return function(value)
    for _, matcher in ipairs(arguments) do
      if not matcher(value) then return false end
    end
    return true
  end
end

assert:register("matcher", "true", is_value(true))
assert:register("matcher", "false", is_value(false))
for _, kind in ipairs({ "nil", "boolean", "number", "string", "table", "function", "userdata", "thread" }) do
  assert:register("matcher", kind, is_type(kind))
end
assert:register("matcher", "ref", ref)
assert:register("matcher", "same", same)
assert:register("matcher", "matches", matches)
assert:register("matcher", "match", matches)
assert:register("matcher", "near", near)
assert:register("matcher", "equals", equals)
assert:register("matcher", "equal", equals)
assert:register("matcher", "unique", unique)
assert:register("matcher", "truthy", truthy)
assert:register("matcher", "falsy", falsy)
assert:register("matcher", "none_of", none_of)
assert:register("matcher", "any_of", any_of)
assert:register("matcher", "all_of", all_of)
