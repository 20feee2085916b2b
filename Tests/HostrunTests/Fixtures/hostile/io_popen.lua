-- expect: error
-- stderr: undefined global 'io'
io.popen("id"):read("a")
