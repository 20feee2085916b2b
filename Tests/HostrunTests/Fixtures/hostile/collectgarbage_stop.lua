-- expect: error
-- stderr: only "count"
-- Stopping the collector would defeat the memory limit.
collectgarbage("stop")
