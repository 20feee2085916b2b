-- expect: error
-- stderr: attempt to set field 'format' of a read-only table
string.format = function() return "hijacked" end
