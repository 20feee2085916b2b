--- What every reporter needs: outcomes sorted into successes, failures, errors and
-- pendings (each entry a test or error record plus its file), and where each one is.
local base = {}

--- The "file", "line" of an outcome: where its block was declared, else where it failed,
-- else the position its message starts with.
function base.location(result, record)
  local trace = result.trace or result.error_trace
  if trace and trace.short_src then return trace.short_src, trace.currentline end
  local file, line = tostring(result.message or ""):match("^([^\n]-):(%d+): ")
  if file then return file, tonumber(line) end
  return record and record.file or "?", nil
end

--- "file @ line" as busted prints it.
function base.where(result, record)
  local file, line = base.location(result, record)
  if line then return file .. " @ " .. line end
  return file
end

--- The message, "Nil error" when there is none (busted's wording), followed by the spec
-- line that led there when the error arose in another file.
function base.message(result, record)
  local text = result.message == nil and "Nil error" or tostring(result.message)
  local trace = result.error_trace
  if trace and trace.spec_line and record then
    text = text .. "\n(from " .. record.file .. ":" .. trace.spec_line .. ")"
  end
  return text
end

return setmetatable(base, {
  --- Subscribes a tally to `bus`; returns it.
  __call = function(_, bus)
    local counts = { successes = {}, failures = {}, errors = {}, pendings = {} }
    local lists = { success = counts.successes, failure = counts.failures,
      error = counts.errors, pending = counts.pendings }

    bus.subscribe({ "test", "end" }, function(result, record)
      local list = lists[result.status] or counts.errors
      list[#list + 1] = { result = result, record = record }
      return nil, true
    end, { priority = 1 })

    bus.subscribe({ "error" }, function(result, record)
      counts.errors[#counts.errors + 1] = { result = result, record = record }
      return nil, true
    end, { priority = 1 })

    function counts.summary(duration)
      local failed = #counts.failures + #counts.errors
      return {
        passed = #counts.successes,
        failed = failed,
        skipped = #counts.pendings,
        failures = #counts.failures,
        errors = #counts.errors,
        duration = duration,
        ok = failed == 0,
      }
    end

    return counts
  end,
})
