-- expect: error
-- stderr: '__index' chain too long
local t = {}
setmetatable(t, {__index = t})
return t.missing
