--- `require("hostrun.plugin")`: the plugin a spec tests, run as hostrun runs it.
--
-- `plugin.load()` opens the plugin whose folder holds the spec (or `plugin.load("name")` any
-- plugin hostrun can find) in a sandbox of its own, with exactly the grants of its manifest,
-- and returns what its entry module returned. `$SOURCE` is bound to the spec's folder (its
-- fixtures) unless `opts.sources` names files or URLs (whose hosts are then granted to a
-- plugin asking for `hosts = { "$SOURCE" }`); `$OUTPUT` to `opts.outputs`. Values cross by
-- copy: tables are copied, functions proxied, host objects (Period, Document, Dossier) shared.
local position = require("busted.position")
position.mark_internal()
local busted_fixtures = require("busted.fixtures")

local world = rawget(_G, "hostrun_test")
local plugin = {}

local function paths(name, value, default)
  if value == nil then return default end
  if type(value) == "string" then value = { value } end
  if type(value) ~= "table" then
    error(("bad argument to 'load' (field '%s': a path or a list of paths expected, got %s)"):format(name, type(value)), 4)
  end
  local resolved = {}
  for i, path in ipairs(value) do
    -- A URL (a fake_http server's) is a source as it is; a path is relative to the spec.
    resolved[i] = path:lower():match("^https?://") and path or busted_fixtures.path(path)
  end
  return resolved
end

local function check(ok, ...)
  if not ok then error((...), 3) end
  return ...
end

--- Opens a plugin: `plugin.load()`, `plugin.load("name")`, `plugin.load{sources = {...}}` or
-- `plugin.load("name", {sources = {...}, outputs = {...}})` (paths relative to the spec).
function plugin.load(name, opts)
  if type(name) == "table" then name, opts = nil, name end
  if name ~= nil and type(name) ~= "string" then
    error("bad argument #1 to 'load' (string or table expected, got " .. type(name) .. ")", 2)
  end
  opts = opts or {}
  for key in pairs(opts) do
    if key ~= "sources" and key ~= "outputs" then
      error(("bad argument to 'load' (unknown field '%s')"):format(tostring(key)), 2)
    end
  end
  local sources = paths("sources", opts.sources, { busted_fixtures.path() })
  local outputs = paths("outputs", opts.outputs, {})
  return check(pcall(world.plugin, name, sources, outputs))
end

return plugin
