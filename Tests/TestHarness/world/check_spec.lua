-- plugin.check runs a check as `hostrun check` does, over the spec's store and clock.
local fixtures = require("hostrun.fixtures")
local plugin = require("hostrun.plugin")

describe("plugin.check", function()
  setup(function()
    fixtures.load("fixtures/ho-so.csv", { connector = "tiny-csv" })   -- due 25/05 and 26/05
  end)

  it("gives the status, the Nagios output and the performance data", function()
    clock.set("15/06/2026 12:00")
    local result = plugin.check("tiny-check", { critical = 2 })
    assert.are.same({ "critical", 2, "2 overdue on 15/06/2026" }, { result.status, result.exit_code, result.summary })
    assert.are.equal("CRITICAL - 2 overdue on 15/06/2026 | 'overdue'=2\n", result.output)
    assert.are.equal("'overdue'=2", result.perfdata)
    assert.are.same({ overdue = { value = 2 } }, result.metrics)
    assert.are.same({}, result.items)
    assert.are.same({}, result.keys)
  end)

  it("follows the clock", function()
    clock.set("18/05/2026 12:00")
    assert.are.equal("OK - 0 overdue on 18/05/2026 | 'overdue'=0\n", plugin.check("tiny-check").output)
  end)

  it("is UNKNOWN, saying why, when the plugin is not a check", function()
    local result = plugin.check("tiny-csv")
    assert.are.same({ "unknown", 3 }, { result.status, result.exit_code })
    assert.matches("check 'tiny-csv'", result.summary, 1, true)
  end)

  it("raises at the spec's line for a plugin it cannot find or a bad argument", function()
    assert.has_error(function() plugin.check("nope") end)
    assert.has_error(function() plugin.check(1) end, "bad argument #1 to 'check' (string or table expected, got number)")
  end)
end)
