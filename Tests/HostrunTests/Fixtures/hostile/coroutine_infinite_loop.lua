-- expect: cpu
-- Coroutines inherit the instruction hook.
coroutine.wrap(function() while true do end end)()
