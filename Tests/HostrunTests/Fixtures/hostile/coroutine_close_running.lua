-- expect: error
-- stderr: cannot close a running coroutine
coroutine.wrap(function() coroutine.close(coroutine.running()) end)()
