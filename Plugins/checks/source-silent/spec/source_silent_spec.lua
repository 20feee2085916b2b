local fixtures = require("hostrun.fixtures")
local plugin = require("hostrun.plugin")

describe("source-silent", function()
  -- Three feeds, each an import batch recorded at the time the clock says.
  setup(function()
    clock.set("01/05/2026 08:00")
    fixtures.dossiers({}, { as = "demo:ward" })
    clock.set("24/05/2026 01:00")
    fixtures.dossiers({}, { as = "dvcqg" })
    clock.set("25/05/2026 06:00")
    fixtures.dossiers({}, { as = "motcua" })
    clock.set("25/05/2026 09:00")                  -- motcua 3 hours ago, dvcqg 32
  end)

  it("warns of every connector silent for more than 24 hours", function()
    local result = plugin.check()
    assert.are.equal("warning", result.status)
    assert.are.same({ "demo:ward", "dvcqg" }, result.keys)
    assert.are.same({ key = "dvcqg", message = "không nhập dữ liệu 32 giờ (lần cuối 24/05/2026 01:00)" }, result.items[2])
    assert.are.equal("2/3 nguồn dữ liệu im lặng: demo:ward, dvcqg", result.summary)
    assert.are.equal("'silent'=2;0;;0;3 'demo:ward age'=2077200s;86400;;0 'dvcqg age'=115200s;86400;;0 "
                     .. "'motcua age'=10800s;86400;;0", result.perfdata)
  end)

  it("watches only the connectors named, and reports one that never imported as critical", function()
    local result = plugin.check{ connectors = { "motcua", "hcc" } }
    assert.are.equal("critical", result.status)
    assert.are.same({ { key = "hcc", message = "chưa từng nhập dữ liệu" } }, result.items)
  end)

  it("ignores connectors and escalates after critical_hours", function()
    local result = plugin.check{ ignore = { "demo:ward" }, critical_hours = 30 }
    assert.are.equal("critical", result.status)
    assert.are.same({ "dvcqg" }, result.keys)
    assert.are.equal("ok", plugin.check{ ignore = { "demo:ward" }, hours = 48 }.status)
  end)
end)
