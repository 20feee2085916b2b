local host = require("Plugins.checks.spec-support.fake_host")
local check = require("Plugins.checks.feedback-due.init")

local FEEDBACK = {
  { code = "PA-LATE", subject = "Thái độ tiếp dân", status = "processing", received_at = "04/05/2026", due_at = "21/05/2026" },
  { code = "PA-SOON", subject = "Thời gian chờ", status = "received", received_at = "18/05/2026", due_at = "26/05/2026" },
  { code = "PA-LATER", subject = "Phí, lệ phí", status = "received", received_at = "20/05/2026", due_at = "05/06/2026" },
  { code = "PA-DONE", subject = "Cơ sở vật chất", status = "handled", received_at = "04/05/2026", due_at = "21/05/2026",
    handled_at = "20/05/2026" },
  { code = "PA-NODATE", subject = "Góp ý", status = "received", received_at = "20/05/2026" },
}

local function run(given, feedback)
  host.install{ now = "25/05/2026 09:00", feedback = feedback or FEEDBACK }
  return check.run(host.options(check, given))
end

describe("feedback-due", function()
  it("is critical for unanswered feedback past its due date and lists the ones due soon", function()
    local result = run()
    assert.are.equal("critical", result.status)
    assert.are.same({ "PA-LATE", "PA-SOON" }, host.keys(result))
    assert.are.same({ key = "PA-LATE", days_left = -2,
                      message = "quá hạn 2 ngày làm việc (hạn 21/05/2026): Thái độ tiếp dân" }, result.items[1])
    assert.are.equal("còn 1 ngày làm việc (hạn 26/05/2026): Thời gian chờ", result.items[2].message)
    assert.are.equal("PAKN chưa trả lời: 1 quá hạn, 1 đến hạn trong 2 ngày làm việc tới", result.summary)
    assert.are.equal(1, result.metrics.overdue.value)
    assert.are.equal(1, result.metrics.due_soon.value)
  end)

  it("only warns when nothing is overdue", function()
    local result = run({ days = 10 }, { FEEDBACK[2], FEEDBACK[3] })
    assert.are.equal("warning", result.status)
    assert.are.same({ "PA-SOON", "PA-LATER" }, host.keys(result))
  end)

  it("is OK when all is answered or far off", function()
    assert.are.equal("ok", run({}, { FEEDBACK[3], FEEDBACK[4], FEEDBACK[5] }).status)
  end)
end)
