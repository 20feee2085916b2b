--- Namespaced message strings, as the `say` library luassert uses: `say:set(key, text)`
-- stores a format string in the current language; `say(key, {values})` formats it.
local registry = {}
local current, fallback

local say = {
  _VERSION = "Say 1.3 (hostrun)",
  _registry = registry,
}

function say:set_namespace(namespace)
  current = namespace
  registry[namespace] = registry[namespace] or {}
end

function say:set_fallback(namespace)
  fallback = namespace
  registry[namespace] = registry[namespace] or {}
end

function say:set(key, value)
  registry[current][key] = value
end

setmetatable(say, {
  __call = function(_, key, values)
    if values ~= nil and type(values) ~= "table" then
      error(("expected parameter table to be a table, got '%s'"):format(type(values)), 2)
    end
    values = values or {}
    local text = registry[current][key]
    if text == nil then text = registry[fallback][key] end
    if text == nil then return nil end
    text = tostring(text)
    local count = math.max(values.n or 0, #values)
    if count == 0 then return text end
    local strings = {}
    for i = 1, count do strings[i] = tostring(values[i]) end
    return text:format(table.unpack(strings, 1, count))
  end,
  __index = function(_, namespace)
    return registry[namespace]
  end,
})

say:set_fallback("en")
say:set_namespace("en")

return say
