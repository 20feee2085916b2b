-- expect: cpu
-- no-stdout
while true do
  local ok, err = pcall(function() while true do end end)
  print("swallowed", err)
end
