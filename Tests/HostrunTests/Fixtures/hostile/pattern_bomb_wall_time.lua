-- expect: time
-- args: --max-time 1 --max-cpu 60
-- stderr: time limit exceeded inside a single long call
-- The same backtracking bomb under the wall-time limit: its timer's last resort ends it.
string.find(string.rep("a", 60), string.rep("a*", 60) .. "b")
