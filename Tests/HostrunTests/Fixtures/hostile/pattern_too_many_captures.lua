-- expect: error
-- stderr: too many captures
string.match(string.rep("a", 100), string.rep("(a)", 100))
