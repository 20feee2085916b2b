-- expect: cpu
-- no-stdout
for i = 1, math.maxinteger do
  local ok = xpcall(function() for j = 1, 1e6 do end end, function() return "ignored" end)
  if not ok then print("swallowed") end
end
