local host = require("Plugins.checks.spec-support.fake_host")
local check = require("Plugins.checks.stalled.init")

local function run(given)
  host.install{ now = "25/05/2026 09:00", dossiers = {
    { code = "IDLE", department = "Phòng Kinh tế", status = "processing", received_at = "04/05/2026", due_at = "29/05/2026",
      history = { { status = "received", at = "04/05/2026 08:00" }, { status = "processing", at = "05/05/2026 08:00" } } },
    { code = "NEVER", department = "Phòng Tư pháp", status = "received", received_at = "08/05/2026", due_at = "05/06/2026" },
    { code = "MOVING", department = "Phòng Tư pháp", status = "processing", received_at = "04/05/2026", due_at = "29/05/2026",
      history = { { status = "received", at = "04/05/2026 08:00" }, { status = "processing", at = "21/05/2026 08:00" } } },
    { code = "WAITING", department = "Phòng Tư pháp", status = "supplement_requested", received_at = "04/05/2026",
      history = { { status = "received", at = "04/05/2026 08:00" }, { status = "supplement_requested", at = "05/05/2026 08:00" } } },
  } }
  return check.run(host.options(check, given))
end

describe("stalled", function()
  it("warns of dossiers in progress without a status change for 10 working days", function()
    local result = run()
    assert.are.equal("warning", result.status)
    assert.are.same({ "IDLE", "NEVER" }, host.keys(result))
    assert.are.same({ key = "IDLE", department = "Phòng Kinh tế", days_left = 4,
                      message = "đang xử lý, không đổi trạng thái 14 ngày làm việc (từ 05/05/2026)" }, result.items[1])
    assert.are.equal("đã tiếp nhận, không đổi trạng thái 11 ngày làm việc (từ 08/05/2026)", result.items[2].message)
    assert.are.equal(14, result.metrics.longest_idle.value)
  end)

  it("counts only the statuses given as in progress", function()
    assert.are.same({ "IDLE", "WAITING" }, host.keys(run{ status = { "processing", "supplement_requested" } }))
  end)

  it("is OK when every dossier moved recently", function()
    local result = run{ days = 20 }
    assert.are.equal("ok", result.status)
    assert.are.equal("Không có hồ sơ đứng yên quá 20 ngày làm việc", result.summary)
  end)
end)
