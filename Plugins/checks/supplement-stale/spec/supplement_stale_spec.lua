local fixtures = require("hostrun.fixtures")
local plugin = require("hostrun.plugin")

-- A dossier received on 04/05/2026 at `received`, waiting on the applicant since `requested`.
local function waiting(code, received, requested)
  local at = "04/05/2026 " .. received
  return { code = code, status = "supplement_requested", received_at = at, due_at = "11/05/2026",
           history = { { status = "received", at = at }, { status = "processing", at = "04/05/2026 09:00" },
                       { status = "supplement_requested", at = requested } } }
end

describe("supplement-stale", function()
  setup(function()
    clock.set("25/05/2026 09:00")
    fixtures.dossiers{
      waiting("OLD", "08:00", "05/05/2026 10:00"),    -- 14 working days before Monday 25/05
      waiting("TEN", "08:10", "11/05/2026 10:00"),    -- 10 working days
      waiting("NEW", "08:20", "20/05/2026 10:00"),    -- 3 working days
      { code = "OPEN", status = "processing", received_at = "04/05/2026", due_at = "11/05/2026" },
    }
  end)

  it("warns of supplement requests waiting 10 working days or more, since the last request", function()
    local result = plugin.check()
    assert.are.equal("warning", result.status)
    assert.are.same({ "OLD", "TEN" }, result.keys)
    assert.are.same({ key = "OLD", department = "Phòng Tư pháp",
                      message = "chờ bổ sung 14 ngày làm việc (yêu cầu ngày 05/05/2026)" }, result.items[1])
    assert.are.equal("2 hồ sơ chờ bổ sung từ 10 ngày làm việc trở lên", result.summary)
    assert.are.equal("'longest_wait'=14;;;0 'stale'=2;0;;0", result.perfdata)
  end)

  it("takes the waiting time from `days`", function()
    assert.are.same({ "OLD", "TEN", "NEW" }, plugin.check{ days = 3 }.keys)
    assert.are.equal("ok", plugin.check{ days = 15 }.status)
  end)
end)
