-- expect: ok
-- stdout: blocked: attempt to load a binary chunk
-- Without a mode, load is text-only: binary bytes are refused with Lua's own message.
local f, message = load("\27LuaT\0\25\147\r\n\26\n\4\8\8xV\0\0")
assert(f == nil, "ESCAPED: binary chunk loaded")
print("blocked: " .. message)
