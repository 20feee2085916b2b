-- hello.lua: the smallest hostrun script.
-- Run it with:  hostrun Scripts/hello.lua Lan
-- Arguments after the script arrive in `arg`, as with lua5.4.
local name = arg[1] or "thế giới"
print(("Xin chào, %s! (%s in the hostrun sandbox)"):format(name, _VERSION))
