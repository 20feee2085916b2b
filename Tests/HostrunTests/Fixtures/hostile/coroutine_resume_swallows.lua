-- expect: cpu
-- no-stdout
local co = coroutine.create(function() while true do end end)
print("swallowed", coroutine.resume(co))
