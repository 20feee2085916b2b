-- expect: cpu
-- no-stdout
-- A loop two coroutines deep, each level behind a pcall: the innermost thread is stopped.
local inner = coroutine.wrap(function() pcall(function() while true do end end) end)
local outer = coroutine.create(function() pcall(inner) end)
print("swallowed", coroutine.resume(outer))
