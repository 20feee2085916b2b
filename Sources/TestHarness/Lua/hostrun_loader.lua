--- First chunk of every state of `hostrun test`: `require` finds the harness's own modules
-- (busted, luassert, say) in hostrun itself, through `hostrun_harness.source`, and
-- everything else the sandbox's way (host modules, .lua files of the project folder).
local harness = hostrun_harness
local sandbox_require = require
local loaded = {}

function require(name)
  local value = loaded[name]
  if value ~= nil then return value end
  local source, chunk_name = harness.source(name)
  if source == nil then return sandbox_require(name) end
  local chunk, err = load(source, chunk_name, "t")
  if not chunk then error(err, 2) end
  value = chunk(name)
  if value == nil then value = true end
  loaded[name] = value
  return value
end
