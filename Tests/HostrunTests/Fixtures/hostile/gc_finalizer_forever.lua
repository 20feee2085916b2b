-- expect: error
-- stderr: __gc metamethods are not allowed
-- A finalizer could run forever, after the limits or at close.
setmetatable({}, {__gc = function() while true do end end})
