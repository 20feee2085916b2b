local fixtures = require("hostrun.fixtures")
local plugin = require("hostrun.plugin")

describe("stalled", function()
  setup(function()
    clock.set("25/05/2026 09:00")
    fixtures.dossiers{
      { code = "IDLE", department = "Phòng Kinh tế", status = "processing", received_at = "04/05/2026 08:00",
        due_at = "29/05/2026",
        history = { { status = "received", at = "04/05/2026 08:00" }, { status = "processing", at = "05/05/2026 08:00" } } },
      { code = "NEVER", status = "received", received_at = "08/05/2026", due_at = "05/06/2026" },
      { code = "MOVING", status = "processing", received_at = "04/05/2026 08:00", due_at = "29/05/2026",
        history = { { status = "received", at = "04/05/2026 08:00" }, { status = "processing", at = "21/05/2026 08:00" } } },
      { code = "WAITING", status = "supplement_requested", received_at = "04/05/2026 08:00", due_at = "29/05/2026",
        history = { { status = "received", at = "04/05/2026 08:00" },
                    { status = "supplement_requested", at = "05/05/2026 08:00" } } },
    }
  end)

  it("warns of dossiers in progress without a status change for 10 working days", function()
    local result = plugin.check()
    assert.are.equal("warning", result.status)
    assert.are.same({ "IDLE", "NEVER" }, result.keys)
    assert.are.same({ key = "IDLE", department = "Phòng Kinh tế", days_left = 4,
                      message = "đang xử lý, không đổi trạng thái 14 ngày làm việc (từ 05/05/2026)" }, result.items[1])
    assert.are.equal("đã tiếp nhận, không đổi trạng thái 11 ngày làm việc (từ 08/05/2026)", result.items[2].message)
    assert.are.equal("'longest_idle'=14;;;0 'stalled'=2;0;;0", result.perfdata)
  end)

  it("counts only the statuses given as in progress", function()
    assert.are.same({ "IDLE", "WAITING" }, plugin.check{ status = { "processing", "supplement_requested" } }.keys)
  end)

  it("is OK when every dossier moved recently", function()
    local result = plugin.check{ days = 20 }
    assert.are.equal("ok", result.status)
    assert.are.equal("Không có hồ sơ đứng yên quá 20 ngày làm việc", result.summary)
  end)
end)
