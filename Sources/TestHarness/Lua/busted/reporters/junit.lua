--- JUnit XML: one <testsuite> per spec file, one <testcase> per test (and per error
-- outside a test, so CI tools count it), with <failure>, <error> or <skipped> holding the
-- message, the diff and (verbose) the traceback.
local base = require("busted.reporters.base")

local function escape(text)
  text = tostring(text):gsub("[%z\1-\8\11\12\14-\31]", "")
  return (text:gsub("[&<>\"']", {
    ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;", ["'"] = "&apos;",
  }))
end

local function seconds(value)
  return string.format("%.6f", value or 0)
end

return function(bus, options, emit)
  local suites = {}
  local suite

  local function testcase(result, record, kind)
    local file, line = base.location(result, record)
    local attrs = string.format('name="%s" classname="%s" file="%s"%s time="%s"',
      escape(result.name), escape(record.file), escape(file),
      line and (' line="' .. line .. '"') or "", seconds(result.duration))
    if result.status == "success" then
      suite.cases[#suite.cases + 1] = "    <testcase " .. attrs .. "/>"
      return
    end
    local body
    if result.status == "pending" then
      suite.skipped = suite.skipped + 1
      body = result.message and ('      <skipped message="' .. escape(result.message) .. '"/>')
        or "      <skipped/>"
    else
      suite[kind .. "s"] = suite[kind .. "s"] + 1
      local message = base.message(result, record)
      local text = message
      if result.diff then text = text .. "\n" .. result.diff end
      if options.verbose and result.error_trace and result.error_trace.traceback then
        text = text .. "\n" .. result.error_trace.traceback
      end
      body = string.format('      <%s message="%s">%s</%s>', kind,
        escape(message:match("^[^\n]*")), escape(text), kind)
    end
    suite.cases[#suite.cases + 1] = "    <testcase " .. attrs .. ">\n" .. body .. "\n    </testcase>"
  end

  bus.subscribe({ "file", "start" }, function(record)
    suite = { name = record.file, duration = record.duration, cases = {},
      tests = 0, failures = 0, errors = 0, skipped = 0 }
    suites[#suites + 1] = suite
    return nil, true
  end)
  bus.subscribe({ "test", "end" }, function(result, record)
    suite.tests = suite.tests + 1
    testcase(result, record, result.status == "failure" and "failure" or "error")
    return nil, true
  end)
  bus.subscribe({ "error" }, function(result, record)
    suite.tests = suite.tests + 1
    testcase(result, record, "error")
    return nil, true
  end)

  bus.subscribe({ "suite", "end" }, function(summary)
    local total = { tests = 0, failures = 0, errors = 0, skipped = 0 }
    for _, s in ipairs(suites) do
      for key in pairs(total) do total[key] = total[key] + s[key] end
    end
    emit('<?xml version="1.0" encoding="UTF-8"?>')
    emit(string.format('<testsuites name="hostrun test" tests="%d" failures="%d" errors="%d" skipped="%d" time="%s">',
      total.tests, total.failures, total.errors, total.skipped, seconds(summary.duration)))
    for _, s in ipairs(suites) do
      emit(string.format('  <testsuite name="%s" tests="%d" failures="%d" errors="%d" skipped="%d" time="%s">',
        escape(s.name), s.tests, s.failures, s.errors, s.skipped, seconds(s.duration)))
      for _, case in ipairs(s.cases) do
        for line in (case .. "\n"):gmatch("(.-)\n") do emit(line) end
      end
      emit("  </testsuite>")
    end
    emit("</testsuites>")
    return nil, true
  end)
end
