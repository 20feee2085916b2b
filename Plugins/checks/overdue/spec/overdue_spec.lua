local fixtures = require("hostrun.fixtures")
local plugin = require("hostrun.plugin")

-- Monday 25/05/2026, 17:00: the clock every test starts from.
describe("overdue", function()
  before_each(function()
    fixtures.fresh_store()
    clock.set("25/05/2026 17:00")
  end)

  it("is OK when every open dossier is within its time limit", function()
    fixtures.dossiers{
      { code = "HS-1", status = "processing", received_at = "18/05/2026", due_at = "26/05/2026" },
      { code = "HS-2", status = "resolved", received_at = "11/05/2026", due_at = "15/05/2026", finished_at = "20/05/2026" },
    }
    local result = plugin.check()
    assert.are.equal("ok", result.status)
    assert.are.equal("OK - Không có hồ sơ quá hạn | 'max_days_over'=0;;;0 'overdue'=0;;0;0\n", result.output)
  end)

  it("is critical with one item per overdue dossier: department and working days over", function()
    fixtures.dossiers{
      { code = "HS-1", status = "processing", received_at = "11/05/2026", due_at = "20/05/2026" },
      { code = "HS-2", department = "Phòng Kinh tế", status = "received", received_at = "14/05/2026", due_at = "22/05/2026" },
      { code = "HS-3", status = "processing", received_at = "18/05/2026", due_at = "25/05/2026" },
    }
    local result = plugin.check()
    assert.are.equal("critical", result.status)
    assert.are.equal(2, result.exit_code)
    assert.are.same({ "HS-1", "HS-2" }, result.keys)
    assert.are.same({ key = "HS-1", department = "Phòng Tư pháp", days_left = -3,
                      message = "quá hạn 3 ngày làm việc (hạn 20/05/2026)" }, result.items[1])
    assert.are.equal("quá hạn 1 ngày làm việc (hạn 22/05/2026)", result.items[2].message)
    assert.are.equal("2 hồ sơ quá hạn: Phòng Kinh tế 1, Phòng Tư pháp 1", result.summary)
    assert.are.equal("'max_days_over'=3;;;0 'overdue'=2;;0;0", result.perfdata)
  end)

  it("leaves out dossiers whose clock is stopped, waiting on the applicant", function()
    fixtures.dossiers{
      { code = "HS-1", status = "supplement_requested", received_at = "04/05/2026", due_at = "08/05/2026" },
    }
    assert.are.equal("ok", plugin.check().status)
  end)

  it("says 'overdue since' over a weekend, before a working day has passed", function()
    clock.set("23/05/2026 09:00")
    fixtures.dossiers{ { code = "HS-1", status = "processing", received_at = "18/05/2026", due_at = "22/05/2026" } }
    local result = plugin.check()
    assert.are.equal(0, result.items[1].days_left)
    assert.are.equal("quá hạn từ ngày 22/05/2026", result.items[1].message)
  end)

  it("turns critical only from the `critical` count, warning from `warning`", function()
    fixtures.dossiers{
      { code = "HS-1", department = "A", status = "processing", received_at = "11/05/2026", due_at = "20/05/2026" },
      { code = "HS-2", department = "B", status = "processing", received_at = "11/05/2026", due_at = "21/05/2026" },
    }
    assert.are.equal("warning", plugin.check{ warning = 1, critical = 3 }.status)
    assert.are.equal("ok", plugin.check{ warning = 5, critical = 5 }.status)
    local result = plugin.check{ warning = 1, critical = 2 }
    assert.are.equal("critical", result.status)
    assert.are.same({ value = 2, warn = "0", crit = "1", min = 0 }, result.metrics.overdue)
  end)

  it("looks only at the departments and fields asked for", function()
    fixtures.dossiers{
      { code = "HS-1", department = "A", status = "processing", received_at = "11/05/2026", due_at = "20/05/2026" },
      { code = "HS-2", department = "B", status = "processing", received_at = "11/05/2026", due_at = "20/05/2026" },
      { code = "HS-3", department = "B", field = "Chứng thực", status = "processing", received_at = "11/05/2026",
        due_at = "20/05/2026" },
    }
    assert.are.same({ "HS-2", "HS-3" }, plugin.check{ department = { "B" } }.keys)
    local result = plugin.check{ department = { "B" }, field = { "Chứng thực" } }
    assert.are.same({ "HS-3" }, result.keys)
    assert.are.equal("1 hồ sơ quá hạn: B 1", result.summary)
  end)

  it("is UNKNOWN for a critical count below 1, or an option it does not take", function()
    local result = plugin.check{ critical = 0 }
    assert.are.equal("unknown", result.status)
    assert.are.equal(3, result.exit_code)
    assert.matches("option 'critical' must be 1 or more", result.summary, 1, true)
    assert.matches("'dayz': not an option of check 'overdue'", plugin.check{ dayz = 1 }.summary, 1, true)
  end)
end)
