-- expect: error
-- stderr: attempt to index a boolean value
-- The string metatable is protected: no way to its __index (the real string table).
local mt = getmetatable("")
return mt.__index.dump
