-- expect: cpu
-- no-stdout
local function run()
  local guard <close> = setmetatable({}, {__close = function()
    while true do pcall(function() while true do end end) end
  end})
  while true do end
end
pcall(run)
print("survived")
