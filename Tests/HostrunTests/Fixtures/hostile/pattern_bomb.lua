-- expect: time
-- args: --max-time 1
-- Exponential backtracking inside one C call: only the watchdog can end it.
string.find(string.rep("a", 60), string.rep("a*", 60) .. "b")
