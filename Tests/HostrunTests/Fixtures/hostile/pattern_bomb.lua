-- expect: cpu
-- args: --max-time 60
-- stderr: CPU time limit exceeded inside a single long call
-- Exponential backtracking inside one C call: no hook can end it. A second of CPU after the
-- CPU-time limit, the last resort ends the process with the CPU limit's exit code.
string.find(string.rep("a", 60), string.rep("a*", 60) .. "b")
