-- expect: error
-- stderr: binary chunks are not allowed
-- A precompiled chunk can crash the VM (no bytecode verifier in 5.4): asking for mode "b" fails.
load("\27LuaT\0\25\147\r\n\26\n", "evil", "b")
error("ESCAPED: binary load accepted")
