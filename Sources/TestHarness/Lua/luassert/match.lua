--- Argument matchers for spies and stubs: `match.is_string()`, `match.is_not.same({})`,
-- `match._` (anything), `match.is_ref(t)`. A chain resolves words like an assertion chain,
-- but instead of checking it returns a matcher: a callable that tells whether a value fits.
local position = require("busted.position")
position.mark_internal()
local namespace = require("luassert.namespaces")
local util = require("luassert.util")

local matcher_mt = {
  __call = function(self, value)
    return self.callback(value) == self.mod
  end,
}

local chain_mt = {}

chain_mt.__index = function(self, key)
  for token in key:lower():gmatch("[^_]+") do
    table.insert(self.tokens, token)
  end
  return self
end

chain_mt.__call = function(self, ...)
  local keys = util.extract_keys("matcher", self.tokens)
  self.tokens = {}
  local level = position.outside(2) or 2
  local matcher
  for _, key in ipairs(keys) do
    matcher = namespace.matcher[key] or matcher
  end
  local arguments = util.make_arglist(...)
  if not matcher then
    for _, key in ipairs(keys) do
      if namespace.modifier[key] then namespace.modifier[key].callback(self, arguments, level) end
    end
    return self
  end
  for _, key in ipairs(keys) do
    if namespace.modifier[key] then namespace.modifier[key].callback(self) end
  end
  return setmetatable({
    name = matcher.name,
    mod = self.mod,
    callback = matcher.callback(self, arguments, level),
    arguments = arguments,
  }, matcher_mt)
end

local match = {
  _ = setmetatable({ mod = true, callback = function() return true end }, matcher_mt),

  state = function() return setmetatable({ mod = true, tokens = {} }, chain_mt) end,

  is_matcher = function(value)
    return type(value) == "table" and getmetatable(value) == matcher_mt
  end,

  is_ref_matcher = function(value)
    return type(value) == "table" and getmetatable(value) == matcher_mt and value.name == "ref"
  end,
}

return setmetatable(match, {
  __index = function(self, key)
    return rawget(self, key) or self.state()[key]
  end,
})
