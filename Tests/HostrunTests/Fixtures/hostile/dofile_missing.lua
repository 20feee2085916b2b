-- expect: error
-- stderr: undefined global 'dofile'
dofile("/etc/passwd")
