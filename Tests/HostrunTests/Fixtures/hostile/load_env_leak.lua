-- expect: error
-- stderr: undefined global 'io'
-- Chunks from load get the sandbox environment, not the real globals.
assert(load("return _G")() == _G, "ESCAPED: load sees another _G")
local io_via_load = load("return io")()
error("ESCAPED: " .. tostring(io_via_load))
