-- expect: error
-- stderr: attempt to modify a read-only table
rawset(math, "floor", print)
