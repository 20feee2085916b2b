local host = require("Plugins.checks.spec-support.fake_host")
local check = require("Plugins.checks.supplement-stale.init")

local function dossier(code, requested)
  return { code = code, department = "Phòng Tư pháp", status = "supplement_requested", received_at = "04/05/2026",
           due_at = "11/05/2026", history = { { status = "received", at = "04/05/2026 08:00" },
                                              { status = "processing", at = "04/05/2026 09:00" },
                                              { status = "supplement_requested", at = requested } } }
end

local function run(given)
  host.install{ now = "25/05/2026 09:00", dossiers = {
    dossier("OLD", "05/05/2026 10:00"),    -- 14 working days before Monday 25/05
    dossier("TEN", "11/05/2026 10:00"),    -- 10 working days
    dossier("NEW", "20/05/2026 10:00"),    -- 3 working days
    { code = "OPEN", department = "Phòng Tư pháp", status = "processing", received_at = "04/05/2026", due_at = "11/05/2026" },
  } }
  return check.run(host.options(check, given))
end

describe("supplement-stale", function()
  it("warns of supplement requests waiting 10 working days or more, since the last request", function()
    local result = run()
    assert.are.equal("warning", result.status)
    assert.are.same({ "OLD", "TEN" }, host.keys(result))
    assert.are.same({ key = "OLD", department = "Phòng Tư pháp",
                      message = "chờ bổ sung 14 ngày làm việc (yêu cầu ngày 05/05/2026)" }, result.items[1])
    assert.are.equal(14, result.metrics.longest_wait.value)
    assert.are.equal("2 hồ sơ chờ bổ sung từ 10 ngày làm việc trở lên", result.summary)
  end)

  it("takes the waiting time from `days`", function()
    assert.are.same({ "OLD", "TEN", "NEW" }, host.keys(run{ days = 3 }))
    assert.are.equal("ok", run{ days = 15 }.status)
  end)
end)
