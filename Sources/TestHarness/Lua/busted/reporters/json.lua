--- JSON in busted's shape: { successes, failures, errors, pendings, duration }, each entry
-- { name, message, trace, element = { name, descriptor, trace, duration }, randomseed,
-- isError }, plus `diff` on failures and a `summary` object with the summary counts.
local base = require("busted.reporters.base")
local json = require("busted.json")

local function trace_of(result, record)
  local file, line = base.location(result, record)
  return { short_src = file, currentline = line }
end

return function(bus, _, emit)
  local counts = base(bus)

  local function entries(list, is_error)
    local out = json.array()
    for _, entry in ipairs(list) do
      local result, record = entry.result, entry.record
      local trace = trace_of(result, record)
      out[#out + 1] = {
        name = result.name,
        message = result.message,
        diff = result.diff,
        randomseed = result.randomseed,
        isError = is_error or nil,
        trace = result.error_trace and {
          short_src = result.error_trace.short_src,
          currentline = result.error_trace.currentline,
          traceback = result.error_trace.traceback,
        } or trace,
        element = { name = result.name, descriptor = result.descriptor, trace = trace,
          duration = result.duration },
      }
    end
    return out
  end

  bus.subscribe({ "suite", "end" }, function(summary)
    emit(json.encode({
      successes = entries(counts.successes),
      failures = entries(counts.failures),
      errors = entries(counts.errors, true),
      pendings = entries(counts.pendings),
      duration = summary.duration,
      summary = { passed = summary.passed, failed = summary.failed, skipped = summary.skipped },
    }))
    return nil, true
  end)
end
