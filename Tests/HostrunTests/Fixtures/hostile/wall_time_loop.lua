-- expect: time
-- args: --max-time 1 --max-cpu 60
-- no-stdout
-- An infinite loop inside pcall under the wall-time limit only.
pcall(function() while true do end end)
print("survived")
