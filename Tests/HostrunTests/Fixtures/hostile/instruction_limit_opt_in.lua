-- expect: instructions
-- args: --max-instructions 20000000
-- no-stdout
-- stderr: instruction limit exceeded (20000000 instructions)
-- An exact instruction budget, when asked for, still kills through pcall.
while true do pcall(function() while true do end end) end
print("survived")
