-- expect: error
-- stderr: invalid conversion
string.format("%099999999d", 1)
