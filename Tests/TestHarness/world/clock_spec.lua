-- The clock every deadline is computed against: fixed at 25/05/2026 17:00 when a spec file
-- starts, moved by clock.set and clock.advance.
local fixtures = require("hostrun.fixtures")

describe("the clock of a spec file", function()
  it("starts at 25/05/2026 17:00", function()
    assert.are.equal("25/05/2026 17:00", text.format_date(clock.now(), "dd/MM/yyyy HH:mm"))
  end)

  it("stands still", function()
    local before = clock.now()
    for _ = 1, 100000 do end
    assert.are.equal(before, clock.now())
  end)

  it("is set and advanced", function()
    clock.set("01/06/2026 08:00")
    assert.are.equal("01/06/2026 08:00", text.format_date(clock.now(), "dd/MM/yyyy HH:mm"))
    clock.advance{ days = 3, hours = 2 }
    assert.are.equal("04/06/2026 10:00", text.format_date(clock.now(), "dd/MM/yyyy HH:mm"))
  end)
end)

describe("deadlines follow the clock", function()
  setup(function()
    fixtures.load("fixtures/ho-so.csv", { connector = "tiny-csv" })
  end)

  it("counts working days left from the clock", function()
    local d = dossiers.get("HS-002")
    clock.set("20/05/2026 09:00")
    local early = d:working_days_left()
    clock.advance{ days = 1 }
    assert.are.equal(early - 1, d:working_days_left())
  end)

  it("sees a dossier turn overdue as the clock passes its due date", function()
    local d = dossiers.get("HS-001")
    clock.set(d.due_at - 3600)
    assert.are.equal("running", d:standing().state)
    clock.advance{ days = 3 }
    assert.are.equal("overdue", d:standing().state)
    assert.is_true(d:days_overdue() > 0)
  end)

  it("counts overdue dossiers in the store as of the clock", function()
    clock.set("18/05/2026 12:00")
    assert.are.equal(0, dossiers.count{ overdue_on = clock.today() })
    clock.set("15/06/2026 12:00")
    assert.are.equal(2, dossiers.count{ overdue_on = clock.today() })
  end)
end)
