-- expect: error
-- stderr: is not allowed
require("/etc/hostname")
