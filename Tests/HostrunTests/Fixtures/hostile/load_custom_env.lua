-- expect: ok
-- stdout: isolated
-- A chunk loaded with its own environment sees only that table.
local f = load("return getmetatable, print, string", "isolated", "t", {})
local a, b, c = f()
assert(a == nil and b == nil and c == nil, "ESCAPED: custom env leaks globals")
print("isolated")
