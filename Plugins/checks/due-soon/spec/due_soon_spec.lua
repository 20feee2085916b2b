local fixtures = require("hostrun.fixtures")
local plugin = require("hostrun.plugin")

-- Monday 25/05/2026: two working days ahead is Wednesday 27/05.
local DOSSIERS = {
  { code = "TODAY", status = "processing", received_at = "18/05/2026", due_at = "25/05/2026" },
  { code = "WED", department = "Phòng Kinh tế", status = "received", received_at = "20/05/2026", due_at = "27/05/2026" },
  { code = "THU", department = "Phòng Kinh tế", status = "processing", received_at = "21/05/2026", due_at = "28/05/2026" },
  { code = "LATE", department = "Phòng Kinh tế", status = "processing", received_at = "11/05/2026", due_at = "22/05/2026" },
  { code = "WAITING", status = "supplement_requested", received_at = "19/05/2026", due_at = "26/05/2026" },
  { code = "DONE", status = "resolved", received_at = "19/05/2026", due_at = "26/05/2026", finished_at = "22/05/2026" },
}

describe("due-soon", function()
  before_each(function()
    fixtures.fresh_store()
    clock.set("25/05/2026 09:00")
  end)

  it("warns of running dossiers due from today to two working days ahead", function()
    fixtures.dossiers(DOSSIERS)
    local result = plugin.check()
    assert.are.equal("warning", result.status)
    assert.are.same({ "TODAY", "WED" }, result.keys)
    assert.are.same({ key = "TODAY", department = "Phòng Tư pháp", days_left = 0,
                      message = "đến hạn hôm nay (25/05/2026)" }, result.items[1])
    assert.are.same({ key = "WED", department = "Phòng Kinh tế", days_left = 2,
                      message = "còn 2 ngày làm việc (hạn 27/05/2026)" }, result.items[2])
    assert.are.equal("2 hồ sơ đến hạn trong 2 ngày làm việc tới (đến 27/05/2026)", result.summary)
    assert.are.equal("'due_soon'=2;0;;0", result.perfdata)
  end)

  it("looks as far ahead as `days` says", function()
    fixtures.dossiers(DOSSIERS)
    assert.are.same({ "TODAY", "WED", "THU" }, plugin.check{ days = 3 }.keys)
    assert.are.same({ "TODAY" }, plugin.check{ days = 0 }.keys)
  end)

  it("is critical when one is due within `critical_days`", function()
    fixtures.dossiers(DOSSIERS)
    assert.are.equal("critical", plugin.check{ critical_days = 0 }.status)
    fixtures.fresh_store()
    fixtures.dossiers{ DOSSIERS[2], DOSSIERS[3] }
    assert.are.equal("warning", plugin.check{ days = 3, critical_days = 1 }.status)
    assert.are.equal("critical", plugin.check{ days = 3, critical_days = 2 }.status)
  end)

  it("is OK when nothing falls due in the window", function()
    fixtures.dossiers{ DOSSIERS[3] }
    local result = plugin.check()
    assert.are.equal("ok", result.status)
    assert.are.equal("Không có hồ sơ đến hạn trong 2 ngày làm việc tới", result.summary)
  end)
end)
