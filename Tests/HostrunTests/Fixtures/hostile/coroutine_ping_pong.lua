-- expect: cpu
-- no-stdout
-- Control moves between the main thread and a coroutine forever: whichever runs when the
-- CPU timer fires is stopped, and the kill is not swallowed by either side.
local co = coroutine.wrap(function() while true do coroutine.yield() end end)
while true do pcall(co) end
print("survived")
