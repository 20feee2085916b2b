-- expect: memory
-- One allocation far past the limit.
local s = string.rep("x", 1 << 30)
