-- expect: memory
-- no-stdout
-- A memory error caught by pcall is still the end of the script.
while true do
  local ok = pcall(string.rep, "x", 1 << 30)
  print("swallowed", ok)
end
