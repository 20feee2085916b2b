--- `--list`: "file:line: full name" for every test that would run, as busted prints it;
-- errors met while declaring the tests follow as "file:line: error: message".
local base = require("busted.reporters.base")

return function(bus, _, emit)
  bus.subscribe({ "test", "end" }, function(result, record)
    local file, line = base.location(result, record)
    emit((line and (file .. ":" .. line .. ": ") or "") .. result.name)
    return nil, true
  end)
  bus.subscribe({ "error" }, function(result)
    emit("error: " .. base.message(result))
    return nil, true
  end)
end
