-- expect: error
-- stderr: is not allowed
-- Module names cannot climb out of the script's folder.
require("../../../../etc/passwd")
