--- Renders the records of a run (one per spec file, in the order given) with a reporter.
--
-- The records are replayed as events on a fresh mediator: {"suite", "start"},
-- {"file", "start"}, {"test", "start"}/{"test", "end"} per test, {"error"} per error
-- outside a test, {"file", "end"}, {"suite", "end"}, {"exit"}. Reporters only subscribe
-- and render, so every format counts the same outcomes.
--
-- Outcomes map to the summary as follows: busted's successes are "passed", its failures
-- and errors (errors inside tests and errors in hooks, describe bodies or file loading)
-- are "failed", its pending tests are "skipped".
local new_mediator = require("busted.mediator")
local tally = require("busted.reporters.base")

local report = {}

local formats = {
  terminal = "busted.reporters.terminal",
  tap = "busted.reporters.tap",
  junit = "busted.reporters.junit",
  json = "busted.reporters.json",
  list = "busted.reporters.list",
}

--- The names of the output formats.
function report.formats()
  local names = {}
  for name in pairs(formats) do names[#names + 1] = name end
  table.sort(names)
  return names
end

--- Renders `records` in `options.output` (default "terminal"); each line of output goes
-- to `emit` (default `print`). Other options: color, verbose, duration (wall-clock seconds
-- of the whole run; default the sum of the files' durations).
-- Returns the summary { passed, failed, skipped, failures, errors, ok }.
function report.render(records, options, emit)
  options = options or {}
  emit = emit or print
  local module = formats[options.output or "terminal"]
  if not module then
    error("unknown output format '" .. tostring(options.output) .. "' (use one of: " ..
      table.concat(report.formats(), ", ") .. ")", 2)
  end

  local bus = new_mediator()
  local counts = tally(bus)
  require(module)(bus, options, emit)

  local duration = options.duration
  if not duration then
    duration = 0
    for _, record in ipairs(records) do duration = duration + (record.duration or 0) end
  end

  local seed
  for _, record in ipairs(records) do seed = seed or record.seed end
  bus.publish({ "suite", "start" }, { seed = seed, files = #records })
  for _, record in ipairs(records) do
    bus.publish({ "file", "start" }, record)
    for _, result in ipairs(record.results) do
      if result.kind == "test" then
        bus.publish({ "test", "start" }, result, record)
        bus.publish({ "test", "end" }, result, record)
      else
        bus.publish({ "error" }, result, record)
      end
    end
    bus.publish({ "file", "end" }, record)
  end
  local summary = counts.summary(duration)
  bus.publish({ "suite", "end" }, summary)
  bus.publish({ "exit" }, summary)
  return summary
end

--- The summary line: "N passed, N failed" and ", N skipped" when some were skipped.
function report.summary_line(summary)
  local line = summary.passed .. " passed, " .. summary.failed .. " failed"
  if summary.skipped > 0 then line = line .. ", " .. summary.skipped .. " skipped" end
  return line
end

return report
