-- expect: error
-- stderr: is not allowed
-- Empty segments (..) in dotted names are refused too.
require("..etc.passwd")
