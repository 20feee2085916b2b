-- fixtures.dossiers and fixtures.feedback: rows written through the host's checks and store
-- writer, as a connector's records are.
local fixtures = require("hostrun.fixtures")

describe("rows as fixtures", function()
  before_each(fixtures.fresh_store)

  it("fills in what a row does not say, and computes a due date from the time limit", function()
    local result = fixtures.dossiers{
      { code = "HS-1", status = "processing", received_at = "18/05/2026 09:00", time_limit = { days = 3 },
        history = { { status = "processing", at = "18/05/2026 10:00" } } },
    }
    assert.are.same({ 1, 0 }, { result.inserted, result.rejected })
    local d = dossiers.get("HS-1")
    assert.are.same({ "motcua", "1.001", "Hộ tịch", "Phòng Tư pháp", "online" },
                    { d.source, d.procedure_code, d.field, d.department, d.channel })
    assert.are.equal("21/05/2026 17:00", text.format_date(d.due_at, "dd/MM/yyyy HH:mm"))
    assert.are.same({ days = 3 }, d.time_limit)
  end)

  it("rejects what the domain refuses, naming the row", function()
    local finished = { { code = "HS-1", status = "resolved", received_at = "18/05/2026" } }
    local result = fixtures.dossiers(finished)
    assert.are.equal(1, result.rejected)
    assert.are.equal("fixtures.dossiers row 1", result.rejections[1].origin)
    assert.are.equal("finished_at", result.rejections[1].field)
    assert.has_error(function() fixtures.dossiers(finished, { strict = true }) end)
    assert.are.equal(0, dossiers.count{})
  end)

  it("records the batch as the connector named, at the clock's time", function()
    clock.set("24/05/2026 01:00")
    fixtures.dossiers({}, { as = "dvcqg" })
    clock.set("25/05/2026 06:00")
    fixtures.dossiers{ { code = "HS-1", status = "received", received_at = "22/05/2026" } }
    local latest = imports.latest()
    assert.are.same({ "dvcqg", "hostrun-test-dossiers" }, { latest[1].connector, latest[2].connector })
    assert.are.equal("24/05/2026 01:00", text.format_date(latest[1].finished_at, "dd/MM/yyyy HH:mm"))
  end)

  it("writes citizens' feedback", function()
    fixtures.feedback{ { code = "PA-1", subject = "Góp ý", status = "received", received_at = "20/05/2026",
                         due_at = "26/05/2026" } }
    local list = feedback.list{ open = true }
    assert.are.same({ "PA-1", "pakn", "Góp ý" }, { list[1].code, list[1].source, list[1].subject })
    assert.are.equal(0, dossiers.count{})
  end)

  it("refuses what is not an array of records, and options it does not know", function()
    assert.has_error(function() fixtures.dossiers{ code = "HS-1" } end)
    assert.has_error(function() fixtures.dossiers("HS-1") end, "bad argument #1 to 'dossiers' (table expected, got string)")
    assert.has_error(function() fixtures.feedback({}, { connector = "x" }) end,
                     "bad argument #2 to 'feedback' (unknown field 'connector')")
  end)
end)
