-- Rendering records: every format counts the same outcomes and ends as documented.
local report = require("busted.report")
local serialize = require("busted.serialize")

local records = {
  {
    file = "a_spec.lua", duration = 0.5,
    results = {
      { kind = "test", status = "success", name = "d passes", descriptor = "it",
        trace = { short_src = "a_spec.lua", currentline = 2 }, duration = 0.001 },
      { kind = "test", status = "failure", name = "d fails <&>", descriptor = "it",
        trace = { short_src = "a_spec.lua", currentline = 3 },
        message = "a_spec.lua:4: Expected objects to be equal.",
        error_trace = { short_src = "a_spec.lua", currentline = 4 },
        diff = "Difference (- expected, + actual):\n- 1\n+ 2" },
      { kind = "test", status = "pending", name = "d waits", descriptor = "pending",
        trace = { short_src = "a_spec.lua", currentline = 5 } },
    },
  },
  {
    file = "b_spec.lua", duration = 0.25,
    results = {
      { kind = "error", status = "error", name = "e before_each", descriptor = "before_each",
        trace = { short_src = "b_spec.lua", currentline = 7 }, message = "b_spec.lua:7: boom" },
    },
  },
}

local function render(options)
  local lines = {}
  local summary = report.render(records, options, function(line) lines[#lines + 1] = line end)
  return lines, summary
end

describe("the summary", function()
  it("counts failures and errors as failed and pending as skipped", function()
    local _, summary = render({ output = "tap" })
    assert.are.same({ passed = 1, failed = 2, skipped = 1, failures = 1, errors = 1,
      duration = 0.75, ok = false }, summary)
  end)

  it("ends with N passed, N failed and N skipped only when some were", function()
    assert.are.equal("1 passed, 2 failed, 1 skipped",
      report.summary_line({ passed = 1, failed = 2, skipped = 1 }))
    assert.are.equal("3 passed, 0 failed", report.summary_line({ passed = 3, failed = 0, skipped = 0 }))
  end)

  it("is the last line of the terminal and TAP output", function()
    for _, output in ipairs({ "terminal", "tap" }) do
      local lines = render({ output = output })
      assert.are.equal("1 passed, 2 failed, 1 skipped", lines[#lines])
    end
  end)
end)

describe("TAP", function()
  it("prints busted's lines, the diff as diagnostics and the plan", function()
    local lines = render({ output = "tap" })
    assert.are.same({
      "ok 1 - d passes",
      "not ok 2 - d fails <&>",
      "# a_spec.lua @ 3",
      "# Failure message: a_spec.lua:4: Expected objects to be equal.",
      "# Difference (- expected, + actual):",
      "# - 1",
      "# + 2",
      "ok 3 - # SKIP d waits",
      "not ok 4 - e before_each",
      "# b_spec.lua @ 7",
      "# Failure message: b_spec.lua:7: boom",
      "1..4",
      "1 passed, 2 failed, 1 skipped",
    }, lines)
  end)
end)

describe("the terminal", function()
  it("shows one mark per outcome and each problem with its place", function()
    local lines = render({ output = "terminal", duration = 1.5 })
    assert.are.equal("+-.*", lines[1])
    assert.are.equal("1 success / 1 failure / 1 error / 1 pending : 1.5 seconds", lines[2])
    local text = table.concat(lines, "\n")
    assert.matches("Failure -> a_spec.lua @ 3\nd fails <&>\na_spec.lua:4: Expected objects to be equal.\n" ..
      "Difference (- expected, + actual):\n- 1\n+ 2", text, 1, true)
    assert.matches("Error -> b_spec.lua @ 7\ne before_each\nb_spec.lua:7: boom", text, 1, true)
    assert.is_nil(text:find("\27[", 1, true))
  end)

  it("colours only when asked", function()
    local lines = render({ output = "terminal", color = true })
    assert.matches("\27[32m+\27[0m", lines[1], 1, true)
    assert.matches("\27[31m", lines[#lines], 1, true)
  end)
end)

describe("JUnit", function()
  it("writes one testsuite per file with escaped names and counts", function()
    local text = table.concat(render({ output = "junit" }), "\n")
    assert.matches('<testsuites name="hostrun test" tests="4" failures="1" errors="1" skipped="1"', text, 1, true)
    assert.matches('<testsuite name="a_spec.lua" tests="3" failures="1" errors="0" skipped="1"', text, 1, true)
    assert.matches('name="d fails &lt;&amp;&gt;" classname="a_spec.lua" file="a_spec.lua" line="3"', text, 1, true)
    assert.matches('<failure message="a_spec.lua:4: Expected objects to be equal.">', text, 1, true)
    assert.matches('<testcase name="e before_each" classname="b_spec.lua"', text, 1, true)
    assert.matches("<skipped/>", text, 1, true)
    assert.matches("</testsuites>$", text)
  end)
end)

describe("JSON", function()
  it("has busted's keys and the summary", function()
    local lines = render({ output = "json" })
    assert.are.equal(1, #lines)
    local text = lines[1]
    for _, key in ipairs({ '"successes":[', '"failures":[', '"errors":[', '"pendings":[', '"duration":0.75',
      '"summary":{"failed":2,"passed":1,"skipped":1}', '"name":"d fails <&>"',
      '"diff":"Difference (- expected, + actual):\\n- 1\\n+ 2"', '"isError":true' }) do
      assert.matches(key, text, 1, true)
    end
  end)

  it("writes empty lists as arrays", function()
    local lines = {}
    report.render({}, { output = "json" }, function(line) lines[#lines + 1] = line end)
    assert.matches('"successes":[]', lines[1], 1, true)
  end)
end)

describe("list", function()
  it("prints file:line: name for each test", function()
    local lines = render({ output = "list" })
    assert.are.same({ "a_spec.lua:2: d passes", "a_spec.lua:3: d fails <&>", "a_spec.lua:5: d waits",
      "error: b_spec.lua:7: boom" }, lines)
  end)
end)

describe("formats", function()
  it("refuses an unknown one, naming the known ones", function()
    assert.has_error(function() report.render(records, { output = "xml" }) end,
      "unknown output format 'xml' (use one of: json, junit, list, tap, terminal)")
  end)
end)

describe("records between states", function()
  it("survive serialization unchanged", function()
    local copy = serialize.decode(serialize.encode(records))
    assert.are.same(records, copy)
    assert.are.same({ 1 / 0, -1 / 0, 0.1, "é\n\0" }, serialize.decode(serialize.encode({ 1 / 0, -1 / 0, 0.1, "é\n\0" })))
  end)

  it("refuse functions and cycles", function()
    assert.has_error(function() serialize.encode({ print }) end, "serialize: cannot encode a function")
    local t = {}
    t.t = t
    assert.has_error(function() serialize.encode(t) end, "serialize: cycle in data")
  end)
end)
