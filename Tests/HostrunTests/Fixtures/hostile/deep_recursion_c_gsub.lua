-- expect: error
-- stderr: stack overflow
-- Recursion through a C function (gsub calling back into Lua) hits the C stack limit cleanly.
local function f(s) return (s:gsub(".", f)) end
f("x")
