-- expect: error
-- stderr: cannot change a protected metatable
setmetatable(_G, nil)
