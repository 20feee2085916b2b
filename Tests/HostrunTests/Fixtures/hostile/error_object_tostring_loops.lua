-- expect: cpu
-- The error report calls __tostring under the limits: a looping one is killed.
error(setmetatable({}, {__tostring = function() while true do end end}))
