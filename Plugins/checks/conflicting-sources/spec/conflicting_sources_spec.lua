local fixtures = require("hostrun.fixtures")
local plugin = require("hostrun.plugin")

local function record(source, code, fields)
  local d = { source = source, code = code, status = "processing", received_at = "18/05/2026 09:00",
              due_at = "21/05/2026 17:00" }
  for k, v in pairs(fields or {}) do d[k] = v end
  return d
end

describe("conflicting-sources", function()
  before_each(fixtures.fresh_store)

  it("compares the records of each code across sources and lists what differs", function()
    fixtures.dossiers{
      record("motcua", "HS-1"),
      record("dvcqg", "HS-1", { status = "resolved", finished_at = "20/05/2026 10:00" }),
      record("motcua", "HS-2"),
      record("dvcqg", "HS-2", { received_at = "18/05/2026 15:30" }),   -- the same day
      record("motcua", "HS-3"),
    }
    local result = plugin.check()
    assert.are.equal("warning", result.status)
    assert.are.same({ { key = "HS-1", department = "Phòng Tư pháp",
                        message = "dvcqg/motcua: status resolved ≠ processing, finished_at 20/05/2026 ≠ (trống)" } },
                    result.items)
    assert.are.equal("1 mã hồ sơ có dữ liệu khác nhau giữa các nguồn", result.summary)
    assert.are.equal("'conflicting'=1;0;;0 'linked'=2 'records'=5", result.perfdata)
  end)

  it("is OK when no code has a record in a second source", function()
    fixtures.dossiers{ record("motcua", "HS-1"), record("dvcqg", "HS-2") }
    local result = plugin.check()
    assert.are.equal("ok", result.status)
    assert.are.equal("2 bản ghi: không có mã hồ sơ nào mâu thuẫn giữa các nguồn", result.summary)
    assert.are.equal(0, result.metrics.linked.value)
  end)

  it("compares only the fields asked for", function()
    fixtures.dossiers{ record("a", "HS-1"), record("b", "HS-1", { department = "Phòng Kinh tế" }) }
    local result = plugin.check()
    assert.are.equal("Phòng Tư pháp", result.items[1].department)
    assert.are.equal("a/b: department Phòng Tư pháp ≠ Phòng Kinh tế", result.items[1].message)
    assert.are.equal("ok", plugin.check{ fields = { "status", "due_at" } }.status)
  end)

  it("is UNKNOWN for a field that cannot be compared", function()
    local result = plugin.check{ fields = { "applicant" } }
    assert.are.equal("unknown", result.status)
    assert.matches("option 'fields': 'applicant' cannot be compared", result.summary, 1, true)
  end)
end)
