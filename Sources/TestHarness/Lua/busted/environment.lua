--- The `_ENV` every spec file runs in.
--
-- Reading a name looks in the running block's env, then in each enclosing block's, then in
-- the global table; assigning a name stores it in the running block's env. So a global set
-- in a `describe` is seen by its tests only, and one set inside a test dies with the test.
-- Unlike busted 2.1.1, a name bound to `false` is found (busted falls through to _G).
--
-- The global table is read raw, and `_G` in a spec is a view of it that reads raw: in the
-- sandbox reading an undefined global is an error, but specs (as under busted) read nil.
local position = require("busted.position")
position.mark_internal()

return function(context, globals)
  local view = setmetatable({}, {
    __index = function(_, key) return rawget(globals, key) end,
    __newindex = function(_, key, value) globals[key] = value end,
    __pairs = function() return next, globals, nil end,
    __len = function() return rawlen(globals) end,
  })

  local function lookup(element, key)
    while element do
      local env = element.env
      if env then
        local value = rawget(env, key)
        if value ~= nil then return value end
      end
      element = context.parent(element)
    end
    if key == "_G" then return view end
    return rawget(globals, key)
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
