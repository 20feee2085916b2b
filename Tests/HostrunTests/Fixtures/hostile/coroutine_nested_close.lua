-- expect: ok
-- stdout: coroutine closes nested too deeply
-- args: --max-memory 512MiB --max-instructions 100000000
-- Lua 5.4.4 overflows the C stack here (lua5.4 dies with SIGSEGV); the sandbox bounds the nesting.
local coro = false
for i = 1, 100000 do
  local previous = coro
  coro = coroutine.create(function()
    local cc <close> = setmetatable({}, {__close = function()
      if previous then assert(coroutine.close(previous)) end
    end})
    coroutine.yield()
  end)
  assert(coroutine.resume(coro))
end
print(coroutine.close(coro))
