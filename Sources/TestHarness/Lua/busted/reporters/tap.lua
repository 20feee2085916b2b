--- TAP output, line for line as busted's TAP handler: "ok N - name", "not ok N - name"
-- with "# file @ line" and "# Failure message: ..." diagnostics (plus the diff), skipped
-- tests as "ok N - # SKIP message-or-name", the plan "1..N" at the end, then the summary
-- line (an unknown line to TAP consumers, which ignore it).
local base = require("busted.reporters.base")
local summary_line = require("busted.report").summary_line

return function(bus, options, emit)
  local counter = 0

  local function diagnostics(text)
    return "# " .. text:gsub("\n", "\n# ")
  end

  local function emit_lines(text)
    for line in (text .. "\n"):gmatch("(.-)\n") do emit(line) end
  end

  local function show_failure(result, record)
    emit(string.format("not ok %u - %s", counter, result.name))
    emit("# " .. base.where(result, record))
    if result.randomseed then emit("# Random seed: " .. result.randomseed) end
    emit_lines(diagnostics("Failure message: " .. base.message(result, record)))
    if result.diff then emit_lines(diagnostics(result.diff)) end
    if options.verbose and result.error_trace and result.error_trace.traceback then
      emit_lines(diagnostics(result.error_trace.traceback))
    end
  end

  bus.subscribe({ "test", "end" }, function(result, record)
    counter = counter + 1
    if result.status == "success" then
      emit(string.format("ok %u - %s", counter, result.name))
    elseif result.status == "pending" then
      emit(string.format("ok %u - # SKIP %s", counter, tostring(result.message or result.name)))
    else
      show_failure(result, record)
    end
    return nil, true
  end)

  bus.subscribe({ "error" }, function(result, record)
    counter = counter + 1
    show_failure(result, record)
    return nil, true
  end)

  bus.subscribe({ "suite", "end" }, function(summary)
    emit("1.." .. counter)
    emit(summary_line(summary))
    return nil, true
  end)
end
