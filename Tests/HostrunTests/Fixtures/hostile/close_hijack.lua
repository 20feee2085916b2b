-- expect: cpu
-- no-stdout
-- A __close handler runs while the kill unwinds; it cannot keep the script alive.
local function run()
  local guard <close> = setmetatable({}, {__close = function() while true do end end})
  while true do end
end
run()
print("survived")
