--- Runs one spec file and returns its record; the host hands over the file's name and text.
--
-- The runner reads no file and prints nothing: the host finds spec files, reads them, runs
-- each in its own state, and passes the records to `busted.report` to render. It needs only
-- the base library, string, table and math (and os.clock/os.time when the host gives no
-- clock), so it runs unchanged inside the sandbox.
local position = require("busted.position")
position.mark_internal()
local core = require("busted.core")
local dsl = require("busted.dsl")
local filter = require("busted.filter")
local new_recorder = require("busted.recorder")
local shuffle = require("busted.shuffle")
local assert_state = require("luassert.state")

local runner = {}

--- The order busted runs files in: as found (sorted per root), shuffled with
-- `options.seed` when `options.shuffle` is set. Returns a new list.
function runner.order_files(names, options)
  options = options or {}
  local list = table.move(names, 1, #names, 1, {})
  if options.shuffle then shuffle(list, options.seed) end
  return list
end

--- Runs `file` ({ name = "spec/x_spec.lua", source = "..." }).
--
-- `options`: filter, filter_out, tags, exclude_tags (lists), shuffle, sort, seed, list,
-- keep_going (default true), lazy, auto_insulate (default true).
-- `host`: globals, loaded, traceback, clock, time, sleep, read_file (see busted.core and
-- busted.fixtures), and `inject`, a table of extra globals for this spec file.
-- Returns { file, seed, duration, results } (see busted.recorder).
function runner.run_file(file, options, host)
  options = options or {}
  host = host or {}
  -- A spec may run a spec file itself (the harness's own specs do): put back the engine
  -- and the failure raiser of the enclosing run when this one ends.
  local enclosing, enclosing_raise = core.current(), assert_state.raise
  local busted = core.new(host)
  busted.file_name = file.name
  busted.sort = options.sort
  busted.randomize = options.shuffle
  busted.randomseed = tonumber(options.seed) or (os.time and os.time()) or 0

  local block = dsl(busted, options)
  for name, value in pairs(host.inject or {}) do busted.export(name, value) end
  filter(busted, options)
  local recorder = new_recorder(busted, file.name)
  if options.keep_going == false then
    local function stop() busted.skipAll = true; return nil, true end
    busted.subscribe({ "error" }, stop)
    busted.subscribe({ "failure" }, stop)
  end

  local started = busted.monotime()
  local chunk, err = load(file.source, "@" .. file.name, "t", busted.environment)
  if chunk then
    busted.executors.file(file.name, chunk)
  else
    busted.publish({ "error", "file" }, { descriptor = "file", name = file.name }, nil, err, nil)
  end

  local root = busted.context.get()
  if busted.safe_publish("suite", { "suite", "start" }, root, 1, 1) then
    if block.setup(root) then busted.execute() end
    block.lazy_teardown(root)
    block.teardown(root)
  end
  busted.safe_publish("suite", { "suite", "end" }, root, 1, 1)
  core.set_current(enclosing)
  assert_state.set_raise(enclosing_raise)
  return recorder.record(busted.monotime() - started)
end

return runner
