--- `require("busted")` inside a spec: the running engine's API (describe, it, assert,
-- publish, subscribe, ...), read-only as in busted.
local core = require("busted.core")

return setmetatable({}, {
  __index = function(_, key)
    local busted = core.current()
    return busted and busted.api[key]
  end,
  __newindex = function()
    error("Attempt to modify busted", 2)
  end,
})
