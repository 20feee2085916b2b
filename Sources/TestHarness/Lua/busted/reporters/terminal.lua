--- The terminal report, after busted's plainTerminal: one character per outcome
-- (+ success, - failure, * error, . pending), busted's status line, then each pending,
-- failure and error with where it is, its message and the expected/actual diff, and the
-- summary line last. Colours (ANSI) only when `options.color` is set.
local base = require("busted.reporters.base")
local summary_line = require("busted.report").summary_line

local CODES = { red = "31", green = "32", yellow = "33", magenta = "35", cyan = "36", bold = "1" }

return function(bus, options, emit)
  local counts = base(bus)
  local function paint(color, text)
    if not options.color then return text end
    return "\27[" .. CODES[color] .. "m" .. text .. "\27[0m"
  end

  local marks = {}
  local symbol = {
    success = paint("green", "+"), failure = paint("red", "-"),
    error = paint("magenta", "*"), pending = paint("yellow", "."),
  }
  bus.subscribe({ "test", "end" }, function(result)
    marks[#marks + 1] = symbol[result.status] or symbol.error
    return nil, true
  end)
  bus.subscribe({ "error" }, function()
    marks[#marks + 1] = symbol.error
    return nil, true
  end)

  local function plural(n, one, many) return n .. " " .. (n == 1 and one or many) end

  local function status_line(summary)
    local seconds = string.format("%.6f", summary.duration or 0):gsub("([0-9])0+$", "%1")
    return plural(#counts.successes, "success", "successes") .. " / " ..
      plural(#counts.failures, "failure", "failures") .. " / " ..
      plural(#counts.errors, "error", "errors") .. " / " ..
      #counts.pendings .. " pending : " .. seconds .. " seconds"
  end

  local function emit_block(text)
    for line in (text .. "\n"):gmatch("(.-)\n") do emit(line) end
  end

  local function diff_text(diff)
    if not options.color then return diff end
    return (diff:gsub("[^\n]+", function(line)
      local first = line:sub(1, 1)
      if first == "-" then return paint("red", line) end
      if first == "+" then return paint("green", line) end
      return line
    end))
  end

  local function describe(entry, title, color)
    local result, record = entry.result, entry.record
    emit("")
    emit(paint(color, title) .. " -> " .. paint("cyan", base.where(result, record)))
    emit(paint("bold", result.name or "?"))
    if result.status == "pending" then
      if result.message ~= nil then emit_block(tostring(result.message)) end
      return
    end
    if result.randomseed then emit("Random seed: " .. result.randomseed) end
    emit_block(base.message(result, record))
    if result.diff then emit_block(diff_text(result.diff)) end
    if options.verbose and result.error_trace and result.error_trace.traceback then
      emit_block(result.error_trace.traceback)
    end
  end

  bus.subscribe({ "suite", "end" }, function(summary)
    emit(table.concat(marks))
    emit(status_line(summary))
    for _, entry in ipairs(counts.pendings) do describe(entry, "Pending", "yellow") end
    for _, entry in ipairs(counts.failures) do describe(entry, "Failure", "red") end
    for _, entry in ipairs(counts.errors) do describe(entry, "Error", "magenta") end
    emit("")
    emit(paint(summary.ok and "green" or "red", summary_line(summary)))
    return nil, true
  end)
end
