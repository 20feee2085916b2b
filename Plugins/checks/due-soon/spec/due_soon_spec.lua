local host = require("Plugins.checks.spec-support.fake_host")
local check = require("Plugins.checks.due-soon.init")

-- Monday 25/05/2026: two working days ahead is Wednesday 27/05.
local DOSSIERS = {
  { code = "TODAY", department = "Phòng Tư pháp", status = "processing", received_at = "18/05/2026", due_at = "25/05/2026" },
  { code = "WED", department = "Phòng Kinh tế", status = "received", received_at = "20/05/2026", due_at = "27/05/2026" },
  { code = "THU", department = "Phòng Kinh tế", status = "processing", received_at = "21/05/2026", due_at = "28/05/2026" },
  { code = "LATE", department = "Phòng Kinh tế", status = "processing", received_at = "11/05/2026", due_at = "22/05/2026" },
  { code = "WAITING", department = "Phòng Tư pháp", status = "supplement_requested", received_at = "19/05/2026", due_at = "26/05/2026" },
  { code = "DONE", department = "Phòng Tư pháp", status = "resolved", received_at = "19/05/2026", due_at = "26/05/2026",
    finished_at = "22/05/2026" },
}

local function run(given)
  host.install{ now = "25/05/2026 09:00", dossiers = DOSSIERS }
  return check.run(host.options(check, given))
end

describe("due-soon", function()
  it("warns of running dossiers due from today to two working days ahead", function()
    local result = run()
    assert.are.equal("warning", result.status)
    assert.are.same({ "TODAY", "WED" }, host.keys(result))
    assert.are.same({ key = "TODAY", department = "Phòng Tư pháp", days_left = 0,
                      message = "đến hạn hôm nay (25/05/2026)" }, result.items[1])
    assert.are.same({ key = "WED", department = "Phòng Kinh tế", days_left = 2,
                      message = "còn 2 ngày làm việc (hạn 27/05/2026)" }, result.items[2])
    assert.are.equal("2 hồ sơ đến hạn trong 2 ngày làm việc tới (đến 27/05/2026)", result.summary)
    assert.are.equal(2, result.metrics.due_soon.value)
  end)

  it("looks as far ahead as `days` says", function()
    assert.are.same({ "TODAY", "WED", "THU" }, host.keys(run{ days = 3 }))
    assert.are.same({ "TODAY" }, host.keys(run{ days = 0 }))
  end)

  it("is critical when one is due within `critical_days`", function()
    assert.are.equal("critical", run{ critical_days = 0 }.status)
    host.install{ now = "25/05/2026 09:00", dossiers = { DOSSIERS[2], DOSSIERS[3] } }
    assert.are.equal("warning", check.run(host.options(check, { days = 3, critical_days = 1 })).status)
    assert.are.equal("critical", check.run(host.options(check, { days = 3, critical_days = 2 })).status)
  end)

  it("is OK when nothing falls due in the window", function()
    host.install{ now = "25/05/2026 09:00", dossiers = { DOSSIERS[3] } }
    local result = check.run(host.options(check))
    assert.are.equal("ok", result.status)
    assert.are.equal("Không có hồ sơ đến hạn trong 2 ngày làm việc tới", result.summary)
  end)
end)
