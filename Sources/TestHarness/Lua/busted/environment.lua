--- The `_ENV` every spec file runs in.
--
-- Reading a name looks in the running block's env, then in each enclosing block's, then in
-- the global table; assigning a name stores it in the running block's env. So a global set
-- in a `describe` is seen by its tests only, and one set inside a test dies with the test.
-- Unlike busted 2.1.1, a name bound to `false` is found (busted falls through to _G).
local position = require("busted.position")
position.mark_internal()

return function(context, globals)
  local function lookup(element, key)
    while element do
      local env = element.env
      if env then
        local value = rawget(env, key)
        if value ~= nil then return value end
      end
      element = context.parent(element)
    end
    return globals[key]
  end

  return setmetatable({}, {
    __index = function(_, key)
      return lookup(context.get(), key)
    end,
    __newindex = function(_, key, value)
      local element = context.get()
      element.env = element.env or {}
      element.env[key] = value
    end,
  })
end
