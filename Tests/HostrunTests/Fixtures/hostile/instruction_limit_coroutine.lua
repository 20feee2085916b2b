-- expect: instructions
-- args: --max-instructions 20000000
-- no-stdout
-- Coroutines inherit the count hook of an instruction limit.
print("swallowed", coroutine.resume(coroutine.create(function() while true do end end)))
