-- expect: cpu
-- no-stdout
local ok = xpcall(function() while true do end end, function(e) while true do end end)
print("swallowed", ok)
