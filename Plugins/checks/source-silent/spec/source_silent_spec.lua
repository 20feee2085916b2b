local host = require("Plugins.checks.spec-support.fake_host")
local check = require("Plugins.checks.source-silent.init")

local IMPORTS = {
  { connector = "motcua", finished_at = "25/05/2026 06:00" },  -- 3 hours before now
  { connector = "dvcqg", finished_at = "24/05/2026 01:00" },   -- 32 hours
  { connector = "demo:ward", finished_at = "01/05/2026 08:00" },
}

local function run(given)
  host.install{ now = "25/05/2026 09:00", imports = IMPORTS }
  return check.run(host.options(check, given))
end

describe("source-silent", function()
  it("warns of every connector silent for more than 24 hours", function()
    local result = run()
    assert.are.equal("warning", result.status)
    assert.are.same({ "demo:ward", "dvcqg" }, host.keys(result))
    assert.are.same({ key = "dvcqg", message = "không nhập dữ liệu 32 giờ (lần cuối 24/05/2026 01:00)" }, result.items[2])
    assert.are.equal("2/3 nguồn dữ liệu im lặng: demo:ward, dvcqg", result.summary)
    assert.are.same({ label = "silent", value = 2, warn = 0, min = 0, max = 3 }, result.metrics[1])
    assert.are.same({ label = "dvcqg age", value = 32 * 3600, unit = "s", min = 0, warn = 24 * 3600 }, result.metrics[3])
  end)

  it("watches only the connectors named, and reports one that never imported as critical", function()
    local result = run{ connectors = { "motcua", "hcc" } }
    assert.are.equal("critical", result.status)
    assert.are.same({ { key = "hcc", message = "chưa từng nhập dữ liệu" } }, result.items)
  end)

  it("ignores connectors and escalates after critical_hours", function()
    local result = run{ ignore = { "demo:ward" }, critical_hours = 30 }
    assert.are.equal("critical", result.status)
    assert.are.same({ "dvcqg" }, host.keys(result))
    assert.are.equal("ok", run{ ignore = { "demo:ward" }, hours = 48 }.status)
  end)
end)
