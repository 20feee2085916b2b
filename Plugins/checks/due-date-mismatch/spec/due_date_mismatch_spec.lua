local fixtures = require("hostrun.fixtures")
local plugin = require("hostrun.plugin")

-- Received Monday 18/05/2026 with 3 working days: due Thursday 21/05 at 17:00.
local function received(code, at, due, history)
  return { code = code, status = "processing", received_at = at, due_at = due, time_limit = { days = 3 },
           procedure_code = "1.001612", history = history }
end

describe("due-date-mismatch", function()
  before_each(fixtures.fresh_store)

  it("flags due dates that differ from the limit counted on the calendar", function()
    fixtures.dossiers{
      received("RIGHT", "18/05/2026 09:00", "21/05/2026 17:00"),
      received("WRONG", "18/05/2026 09:00", "22/05/2026 17:00"),
      { code = "NOLIMIT", status = "processing", received_at = "18/05/2026 09:00", due_at = "29/05/2026 17:00" },
    }
    local result = plugin.check()
    assert.are.equal("warning", result.status)
    assert.are.same({ "WRONG" }, result.keys)
    assert.are.equal("hạn 22/05/2026, nhưng tiếp nhận 18/05/2026 09:00 với thời hạn 3 ngày làm việc thì hạn là "
                     .. "21/05/2026 (+1 ngày làm việc, nguồn motcua)", result.items[1].message)
    assert.are.equal("1/2 hồ sơ có hạn trả không khớp thời hạn của thủ tục", result.summary)
    assert.are.equal("'checked'=2 'mismatched'=1;0;;0 'skipped'=0", result.perfdata)
  end)

  it("skips dossiers whose clock stopped, since their due date moved when it restarted", function()
    fixtures.dossiers{
      received("PAUSED", "18/05/2026 09:00", "27/05/2026 17:00", {
        { status = "supplement_requested", at = "19/05/2026 09:00" }, { status = "processing", at = "22/05/2026 09:00" } }),
    }
    local result = plugin.check()
    assert.are.equal("OK - Hạn trả của 0 hồ sơ khớp thời hạn của thủ tục | 'checked'=0 'mismatched'=0;0;;0 'skipped'=1\n",
                     result.output)
  end)

  it("counts from the next working day after a receipt past a procedure's cut-off", function()
    fixtures.dossiers{ received("LATE", "18/05/2026 16:00", "22/05/2026 17:00") }
    assert.are.equal("warning", plugin.check().status)
    assert.are.equal("ok", plugin.check{ cutoffs = { ["1.001612"] = "15:00" } }.status)
  end)
end)
