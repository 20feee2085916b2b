-- expect: error
-- stderr: attempt to call a nil value (field 'dump')
-- string.dump makes binary chunks; it is gone from the library and from the string methods.
assert(("").dump == nil, "ESCAPED: dump reachable through string methods")
string.dump(print)
