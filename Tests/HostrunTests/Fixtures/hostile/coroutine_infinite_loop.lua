-- expect: cpu
-- The CPU timer arms the hook of the thread running when it fires: the coroutine.
coroutine.wrap(function() while true do end end)()
