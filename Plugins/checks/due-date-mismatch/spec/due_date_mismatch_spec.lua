local host = require("Plugins.checks.spec-support.fake_host")
local check = require("Plugins.checks.due-date-mismatch.init")

-- Received Monday 18/05/2026 with 3 working days: due Thursday 21/05 at 17:00.
local function received(code, at, due, extra)
  local d = { code = code, department = "Phòng Tư pháp", status = "processing", received_at = at, due_at = due,
              time_limit = { days = 3 }, procedure_code = "1.001612" }
  for k, v in pairs(extra or {}) do d[k] = v end
  return d
end

local function run(given, dossiers)
  host.install{ now = "25/05/2026 09:00", dossiers = dossiers }
  return check.run(host.options(check, given))
end

describe("due-date-mismatch", function()
  it("flags due dates that differ from the limit counted on the calendar", function()
    local result = run({}, {
      received("RIGHT", "18/05/2026 09:00", "21/05/2026 17:00"),
      received("WRONG", "18/05/2026 09:00", "22/05/2026 17:00"),
      { code = "NOLIMIT", department = "Phòng Tư pháp", status = "processing", received_at = "18/05/2026 09:00",
        due_at = "29/05/2026 17:00" },
    })
    assert.are.equal("warning", result.status)
    assert.are.same({ "WRONG" }, host.keys(result))
    assert.are.equal("hạn 22/05/2026, nhưng tiếp nhận 18/05/2026 09:00 với thời hạn 3 ngày làm việc thì hạn là "
                     .. "21/05/2026 (+1 ngày làm việc, nguồn motcua)", result.items[1].message)
    assert.are.equal("1/2 hồ sơ có hạn trả không khớp thời hạn của thủ tục", result.summary)
    assert.are.equal(2, result.metrics.checked)
  end)

  it("skips dossiers whose clock stopped, since their due date moved when it restarted", function()
    local result = run({}, {
      received("PAUSED", "18/05/2026 09:00", "27/05/2026 17:00", { history = {
        { status = "received", at = "18/05/2026 09:00" }, { status = "supplement_requested", at = "19/05/2026 09:00" },
        { status = "processing", at = "22/05/2026 09:00" } } }),
    })
    assert.are.equal("ok", result.status)
    assert.are.equal(1, result.metrics.skipped)
    assert.are.equal(0, result.metrics.checked)
  end)

  it("counts from the next working day after a receipt past a procedure's cut-off", function()
    local late = { received("LATE", "18/05/2026 16:00", "22/05/2026 17:00") }
    assert.are.equal("warning", run({}, late).status)
    assert.are.equal("ok", run({ cutoffs = { ["1.001612"] = "15:00" } }, late).status)
  end)
end)
