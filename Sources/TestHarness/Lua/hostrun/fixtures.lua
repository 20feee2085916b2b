--- `require("hostrun.fixtures")`: the spec file's store and the files next to it.
--
-- Every spec file runs against a store of its own (an empty SQLite file, deleted after the
-- file has run) and a clock that starts at 25/05/2026 17:00 (see docs/testing.md). Paths are
-- relative to the spec file. Imports go through a connector plugin, exactly as
-- `hostrun import` does, so a fixture the connector rejects is rejected here too.
local position = require("busted.position")
position.mark_internal()
local busted_fixtures = require("busted.fixtures")
local call = require("hostrun.call")

local world = rawget(_G, "hostrun_test")
local fixtures = {}

local function options_of(name, value, allowed)
  if value == nil then return {} end
  if type(value) ~= "table" then
    error(("bad argument #2 to '%s' (table expected, got %s)"):format(name, type(value)), 3)
  end
  for key in pairs(value) do
    if not allowed[key] then
      error(("bad argument #2 to '%s' (unknown field '%s')"):format(name, tostring(key)), 3)
    end
  end
  return value
end

--- The path of `sub_path` relative to the spec file's folder (the folder itself without it).
fixtures.path = busted_fixtures.path

--- The contents of a file next to the spec (a golden output, say).
fixtures.read = busted_fixtures.read

--- Imports the file `rel_path` (next to the spec), or a URL, into the spec's store through a connector
-- plugin: `opts.connector` (default "canonical"), `opts.options` (given to the connector's
-- `read`), `opts.strict` (one rejected record aborts the import). Returns
-- { inserted, updated, unchanged, rejected, rejections = { {origin, key, field, reason, message} } }.
function fixtures.load(rel_path, opts)
  if type(rel_path) ~= "string" then
    error("bad argument #1 to 'load' (string expected, got " .. type(rel_path) .. ")", 2)
  end
  opts = options_of("load", opts, { connector = true, options = true, strict = true })
  return call.result(pcall(world.load, call.source(rel_path), opts.connector or "canonical", opts.options, opts.strict))
end

-- What a row does not say, by kind: the fields a test rarely cares about.
local DEFAULTS = {
  dossiers = { source = "motcua", procedure_code = "1.001", field = "Hộ tịch", department = "Phòng Tư pháp",
               channel = "online" },
  feedback = { source = "pakn" },
}

-- Writes `rows` of `kind` ("dossiers" or "feedback"), the defaults filled in and each named by
-- its row as its origin, through the harness's connector for that kind.
local function write(kind, rows, opts)
  if type(rows) ~= "table" then
    error(("bad argument #1 to '%s' (table expected, got %s)"):format(kind, type(rows)), 3)
  end
  opts = options_of(kind, opts, { as = true, strict = true })
  local records = {}
  for key, row in pairs(rows) do
    if math.type(key) ~= "integer" or key < 1 or key > #rows or type(row) ~= "table" then
      error(("bad argument #1 to '%s' (an array of rows expected, got [%s] = %s)"):format(kind, tostring(key), type(row)), 3)
    end
    local record = { origin = ("fixtures.%s row %d"):format(kind, key) }
    for name, value in pairs(DEFAULTS[kind]) do record[name] = value end
    for name, value in pairs(row) do record[name] = value end
    records[key] = record
  end
  return call.result(pcall(world.rows, kind, records, opts.as, opts.strict))
end

--- Writes dossiers given as rows (canonical records: docs/canonical-csv.md, plus `history`,
-- `time_limit`, ...) through the host's checks into the store, as a connector's import does.
-- A row says only what its test is about: `source` ("motcua"), `procedure_code` ("1.001"),
-- `field` ("Hộ tịch"), `department` ("Phòng Tư pháp") and `channel` ("online") are filled in.
-- `opts.as` names the connector the import batch is recorded as (`imports.latest`),
-- `opts.strict` makes one rejected record abort it. Returns what `fixtures.load` returns.
function fixtures.dossiers(rows, opts)
  return write("dossiers", rows, opts)
end

--- Writes citizens' feedback (PAKN) given as rows (code, subject, received_at, due_at, status,
-- handled_at; `source` "pakn" unless given) into the store, as `fixtures.dossiers` does.
function fixtures.feedback(rows, opts)
  return write("feedback", rows, opts)
end

--- Writes a generated ward into the store: `opts.dossiers` (default 200) dossiers from the
-- random seed `opts.seed` (default 1), with its citizens' feedback; with `opts.centre`, its
-- dossiers name that centre and its codes start with it, so several wards share the store.
-- Returns { dossiers, feedback, as_of } (as_of: the instant the data is seen as of, for clock.set).
function fixtures.demo(opts)
  opts = options_of("demo", opts, { dossiers = true, seed = true, centre = true })
  return call.result(pcall(world.demo, opts.dossiers or 200, opts.seed or 1, opts.centre))
end

--- Writes the records behind the seed report (received 01/01–25/05/2026). Returns
-- { dossiers, feedback, as_of }.
function fixtures.seed_scenario()
  return call.result(pcall(world.seed_scenario))
end

--- From now on the spec's store is a new, empty one: `before_each(fixtures.fresh_store)`
-- gives every test its own.
function fixtures.fresh_store()
  world.fresh_store()
end

return fixtures
