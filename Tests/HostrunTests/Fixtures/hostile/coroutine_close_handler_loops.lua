-- expect: cpu
-- no-stdout
-- coroutine.close runs a suspended coroutine's __close handlers on that coroutine: a looping
-- one is stopped there.
local co = coroutine.create(function()
  local guard <close> = setmetatable({}, {__close = function() while true do end end})
  coroutine.yield()
end)
coroutine.resume(co)
print("swallowed", pcall(coroutine.close, co))
