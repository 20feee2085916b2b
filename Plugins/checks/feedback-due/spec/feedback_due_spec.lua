local fixtures = require("hostrun.fixtures")
local plugin = require("hostrun.plugin")

local FEEDBACK = {
  { code = "PA-LATE", subject = "Thái độ tiếp dân", status = "processing", received_at = "04/05/2026", due_at = "21/05/2026" },
  { code = "PA-SOON", subject = "Thời gian chờ", status = "received", received_at = "18/05/2026", due_at = "26/05/2026" },
  { code = "PA-LATER", subject = "Phí, lệ phí", status = "received", received_at = "20/05/2026", due_at = "05/06/2026" },
  { code = "PA-DONE", subject = "Cơ sở vật chất", status = "handled", received_at = "04/05/2026", due_at = "21/05/2026",
    handled_at = "20/05/2026" },
  { code = "PA-NODATE", subject = "Góp ý", status = "received", received_at = "20/05/2026" },
}

describe("feedback-due", function()
  before_each(function()
    fixtures.fresh_store()
    clock.set("25/05/2026 09:00")
  end)

  it("is critical for unanswered feedback past its due date and lists the ones due soon", function()
    fixtures.feedback(FEEDBACK)
    local result = plugin.check()
    assert.are.equal("critical", result.status)
    assert.are.same({ "PA-LATE", "PA-SOON" }, result.keys)
    assert.are.same({ key = "PA-LATE", days_left = -2,
                      message = "quá hạn 2 ngày làm việc (hạn 21/05/2026): Thái độ tiếp dân" }, result.items[1])
    assert.are.equal("còn 1 ngày làm việc (hạn 26/05/2026): Thời gian chờ", result.items[2].message)
    assert.are.equal("PAKN chưa trả lời: 1 quá hạn, 1 đến hạn trong 2 ngày làm việc tới", result.summary)
    assert.are.equal("'due_soon'=1;0;;0 'overdue'=1;;0;0", result.perfdata)
  end)

  it("only warns when nothing is overdue", function()
    fixtures.feedback{ FEEDBACK[2], FEEDBACK[3] }
    local result = plugin.check{ days = 10 }
    assert.are.equal("warning", result.status)
    assert.are.same({ "PA-SOON", "PA-LATER" }, result.keys)
  end)

  it("is OK when all is answered or far off", function()
    fixtures.feedback{ FEEDBACK[3], FEEDBACK[4], FEEDBACK[5] }
    assert.are.equal("ok", plugin.check().status)
  end)
end)
