--- Turns the events of one spec file's run into plain data: one record per test and one
-- per error outside a test (a hook, a describe body, the file itself). Records hold only
-- strings, numbers and booleans, so they can cross from the state that ran the file to the
-- state that renders the report.
local position = require("busted.position")
position.mark_internal()

local function plain_trace(trace)
  if not trace then return nil end
  return { short_src = trace.short_src, currentline = trace.currentline,
    traceback = trace.traceback, spec_line = trace.spec_line }
end

return function(busted, file_name)
  local context = busted.context
  local results = {}
  local outcome = setmetatable({}, { __mode = "k" }) -- test element -> message, trace, diff

  local function name_of(element)
    return busted.full_name(element.name or element.descriptor, context.parent(element))
  end

  local function keep(element, _, message, trace, diff)
    outcome[element] = { message = message, trace = trace, diff = diff }
    return nil, true
  end
  busted.subscribe({ "failure", "it" }, keep)
  busted.subscribe({ "error", "it" }, keep)
  busted.subscribe({ "pending", "it" }, keep)

  busted.subscribe({ "test", "end" }, function(element, parent, status)
    local seen = outcome[element] or {}
    results[#results + 1] = {
      kind = "test",
      status = status,
      name = name_of(element),
      descriptor = element.descriptor,
      trace = plain_trace(element.trace),
      message = seen.message,
      error_trace = plain_trace(seen.trace),
      diff = seen.diff,
      duration = element.duration,
      randomseed = parent and parent.randomseed,
    }
    return nil, true
  end)

  local function outside_test(element, parent, message, trace, diff)
    if element.descriptor ~= "it" then
      results[#results + 1] = {
        kind = "error",
        status = "error",
        name = name_of(element),
        descriptor = element.descriptor,
        trace = plain_trace(element.trace or trace),
        message = message,
        error_trace = plain_trace(trace),
        diff = diff,
        randomseed = parent and parent.randomseed,
      }
    end
    return nil, true
  end
  busted.subscribe({ "error" }, outside_test)
  busted.subscribe({ "failure" }, outside_test)

  local recorder = {}

  --- The file's record: { file, seed, duration, results }.
  function recorder.record(duration)
    return {
      file = file_name,
      seed = busted.randomize and busted.randomseed or nil,
      duration = duration,
      results = results,
    }
  end

  return recorder
end
