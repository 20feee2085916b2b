-- expect: ok
-- stdout: nil	C stack overflow
-- Deeply nested source is refused by the parser, not by the C stack.
local f, message = load(("("):rep(100000) .. "1" .. (")"):rep(100000))
print(f, message)
