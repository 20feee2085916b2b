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
local call = require("hostrun.call")

local world = rawget(_G, "hostrun_test")
local plugin = {}

local function paths(name, value, default)
  if value == nil then return default end
  if type(value) == "string" then value = { value } end
  if type(value) ~= "table" then
    error(("bad argument to 'load' (field '%s': a path or a list of paths expected, got %s)"):format(name, type(value)), 4)
  end
  local resolved = {}
  for i, path in ipairs(value) do resolved[i] = call.source(path) end
  return resolved
end

-- The arguments `(name?, opts?)` of `fn`, `opts` holding only `allowed` fields; raises at the
-- spec's line (level 3: the caller of `fn`) otherwise.
local function arguments(fn, name, opts, allowed)
  local position = 2
  if type(name) == "table" then name, opts, position = nil, name, 1 end
  if name ~= nil and type(name) ~= "string" then
    error(("bad argument #1 to '%s' (string or table expected, got %s)"):format(fn, type(name)), 3)
  end
  if opts ~= nil and type(opts) ~= "table" then
    error(("bad argument #%d to '%s' (table expected, got %s)"):format(position, fn, type(opts)), 3)
  end
  for key in pairs(allowed and opts or {}) do
    if not allowed[key] then
      error(("bad argument #%d to '%s' (unknown field '%s')"):format(position, fn, tostring(key)), 3)
    end
  end
  return name, opts or {}
end

--- Opens a plugin: `plugin.load()`, `plugin.load("name")`, `plugin.load{sources = {...}}` or
-- `plugin.load("name", {sources = {...}, outputs = {...}})` (paths relative to the spec).
function plugin.load(name, opts)
  name, opts = arguments("load", name, opts, { sources = true, outputs = true })
  local sources = paths("sources", opts.sources, { busted_fixtures.path() })
  local outputs = paths("outputs", opts.outputs, {})
  return call.result(pcall(world.plugin, name, sources, outputs))
end

--- Imports the file `path` (relative to the spec) into the spec's store through the connector
-- plugin holding the spec, as `hostrun import` does: `opts.options` are given to its `read`,
-- `opts.strict` makes one rejected record abort the import. Returns what `fixtures.load` does:
-- { inserted, updated, unchanged, rejected, rejections }.
function plugin.import(path, opts)
  if type(path) ~= "string" then
    error("bad argument #1 to 'import' (string expected, got " .. type(path) .. ")", 2)
  end
  opts = select(2, arguments("import", nil, opts, { options = true, strict = true }))
  return call.result(pcall(world.load, busted_fixtures.path(path), nil, opts.options, opts.strict))
end

--- Runs a check plugin as `hostrun check` does, over the spec's store and clock:
-- `plugin.check(options)` the check holding the spec, `plugin.check("name", options)` any
-- other. Its options are read as it declares them (defaults filled in, unknown ones refused)
-- and its result validated; a failure is an "unknown" result whose summary says why. Returns
-- { status, exit_code, summary, output, perfdata, metrics = { [label] = {value, unit, warn,
-- crit, min, max} }, items = { {key, department, days_left, message} }, keys }.
function plugin.check(name, options)
  name, options = arguments("check", name, options)
  return call.result(pcall(world.check, name, options))
end

return plugin
