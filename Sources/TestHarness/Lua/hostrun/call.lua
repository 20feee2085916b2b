--- What `hostrun.fixtures`, `hostrun.plugin` and `hostrun.fake_http` share when they hand a
-- spec's call to the host module `hostrun_test`: errors raised at the spec's line, sources
-- resolved from the spec file.
local position = require("busted.position")
position.mark_internal()
local busted_fixtures = require("busted.fixtures")

local call = {}

--- The results of `pcall(hostrun_test.f, ...)`, or its error raised at the line of the spec
-- that called the harness function (level 3: `result`, that function, the spec).
function call.result(ok, ...)
  if not ok then error((...), 3) end
  return ...
end

--- A source as the host takes it: a URL (a fake_http server's) as it is, a path relative to
-- the spec file's folder.
function call.source(path)
  return path:lower():match("^https?://") and path or busted_fixtures.path(path)
end

return call
