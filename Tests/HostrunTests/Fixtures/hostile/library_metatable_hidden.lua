-- expect: error
-- stderr: attempt to index a boolean value
-- Library proxies hide their metatables, so the real tables behind them are unreachable.
for _, lib in ipairs({string, table, math, os, coroutine, utf8}) do
  assert(getmetatable(lib) == false)
end
return getmetatable(string).__index
