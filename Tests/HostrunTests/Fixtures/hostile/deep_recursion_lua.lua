-- expect: error
-- stderr: stack overflow
-- args: --max-memory 512MiB
local function f() return 1 + f() end
f()
