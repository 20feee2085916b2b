-- expect: error
-- stderr: error object is a table value
error(setmetatable({}, {__tostring = function() return {} end}))
