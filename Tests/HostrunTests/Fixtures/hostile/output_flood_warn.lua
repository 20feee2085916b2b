-- expect: output
while true do warn("spam ", ("x"):rep(100)) end
