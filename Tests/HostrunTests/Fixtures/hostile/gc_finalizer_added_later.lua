-- expect: ok
-- stdout: done
-- Lua marks objects for finalization only when the metatable already has __gc at setmetatable.
local mt = {}
for i = 1, 1000 do setmetatable({}, mt) end
mt.__gc = function() while true do end end
for i = 1, 200000 do local garbage = {i} end
print("done")
