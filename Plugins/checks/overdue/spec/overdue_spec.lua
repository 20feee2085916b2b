local host = require("Plugins.checks.spec-support.fake_host")
local check = require("Plugins.checks.overdue.init")

-- Monday 25/05/2026, 17:00. Working days: Mon–Fri (the fake calendar has no holidays).
local NOW = "25/05/2026 17:00"

local function world(dossiers)
  host.install{ now = NOW, dossiers = dossiers }
end

local function run(given)
  return check.run(host.options(check, given))
end

describe("overdue", function()
  it("is OK when every open dossier is within its time limit", function()
    world{
      { code = "HS-1", department = "Phòng Tư pháp", status = "processing", received_at = "18/05/2026", due_at = "26/05/2026" },
      { code = "HS-2", department = "Phòng Tư pháp", status = "resolved", received_at = "11/05/2026",
        due_at = "15/05/2026", finished_at = "20/05/2026" },
    }
    local result = run()
    assert.are.equal("ok", result.status)
    assert.are.equal("Không có hồ sơ quá hạn", result.summary)
    assert.are.same({}, result.items)
    assert.are.equal(0, result.metrics.overdue.value)
  end)

  it("is critical with one item per overdue dossier: department and working days over", function()
    world{
      { code = "HS-1", department = "Phòng Tư pháp", status = "processing", received_at = "11/05/2026", due_at = "20/05/2026" },
      { code = "HS-2", department = "Phòng Kinh tế", status = "received", received_at = "14/05/2026", due_at = "22/05/2026" },
      { code = "HS-3", department = "Phòng Tư pháp", status = "processing", received_at = "18/05/2026", due_at = "25/05/2026" },
    }
    local result = run()
    assert.are.equal("critical", result.status)
    assert.are.same({ "HS-1", "HS-2" }, host.keys(result))
    assert.are.same({ key = "HS-1", department = "Phòng Tư pháp", days_left = -3,
                      message = "quá hạn 3 ngày làm việc (hạn 20/05/2026)" }, result.items[1])
    assert.are.equal("quá hạn 1 ngày làm việc (hạn 22/05/2026)", result.items[2].message)
    assert.are.equal("2 hồ sơ quá hạn: Phòng Kinh tế 1, Phòng Tư pháp 1", result.summary)
    assert.are.same({ value = 2, crit = 0, min = 0 }, result.metrics.overdue)
    assert.are.equal(3, result.metrics.max_days_over.value)
  end)

  it("leaves out dossiers whose clock is stopped, waiting on the applicant", function()
    world{
      { code = "HS-1", department = "Phòng Tư pháp", status = "supplement_requested", received_at = "04/05/2026", due_at = "08/05/2026" },
    }
    assert.are.equal("ok", run().status)
  end)

  it("says 'overdue since' over a weekend, before a working day has passed", function()
    host.install{ now = "23/05/2026 09:00", dossiers = {
      { code = "HS-1", department = "Phòng Tư pháp", status = "processing", received_at = "18/05/2026", due_at = "22/05/2026" },
    } }
    local result = run()
    assert.are.equal(0, result.items[1].days_left)
    assert.are.equal("quá hạn từ ngày 22/05/2026", result.items[1].message)
  end)

  it("turns critical only from the `critical` count, warning from `warning`", function()
    world{
      { code = "HS-1", department = "A", status = "processing", received_at = "11/05/2026", due_at = "20/05/2026" },
      { code = "HS-2", department = "B", status = "processing", received_at = "11/05/2026", due_at = "21/05/2026" },
    }
    assert.are.equal("warning", run{ warning = 1, critical = 3 }.status)
    assert.are.equal("ok", run{ warning = 5, critical = 5 }.status)
    local result = run{ warning = 1, critical = 2 }
    assert.are.equal("critical", result.status)
    assert.are.same({ value = 2, warn = 0, crit = 1, min = 0 }, result.metrics.overdue)
  end)

  it("passes department and field filters to the store query", function()
    local queries = host.install{ now = NOW, dossiers = {
      { code = "HS-1", department = "A", status = "processing", received_at = "11/05/2026", due_at = "20/05/2026" },
      { code = "HS-2", department = "B", status = "processing", received_at = "11/05/2026", due_at = "20/05/2026" },
    } }
    local result = run{ department = { "B" } }
    assert.are.same({ "HS-2" }, host.keys(result))
    assert.are.same({ "B" }, queries[1].department)
    assert.are.equal(host.time("25/05/2026"), queries[1].overdue_on)
  end)

  it("refuses a critical count below 1", function()
    world{}
    assert.has_error(function() run{ critical = 0 } end, "option 'critical' must be 1 or more")
  end)
end)
