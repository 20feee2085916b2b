local host = require("Plugins.checks.spec-support.fake_host")
local check = require("Plugins.checks.conflicting-sources.init")

local function record(source, code, fields)
  local d = { source = source, code = code, department = "Phòng Tư pháp", status = "processing",
              received_at = "18/05/2026 09:00", due_at = "21/05/2026 17:00" }
  for k, v in pairs(fields or {}) do d[k] = v end
  return d
end

local function run(given, dossiers)
  host.install{ now = "25/05/2026 09:00", dossiers = dossiers }
  return check.run(host.options(check, given))
end

describe("conflicting-sources", function()
  it("compares each record with the first of its code and lists what differs", function()
    local result = run({}, {
      record("motcua", "HS-1"),
      record("dvcqg", "HS-1", { status = "resolved", finished_at = "20/05/2026 10:00", primary = false }),
      record("motcua", "HS-2"),
      record("dvcqg", "HS-2", { received_at = "18/05/2026 15:30", primary = false }),
      record("motcua", "HS-3"),
    })
    assert.are.equal("warning", result.status)
    assert.are.same({ { key = "HS-1", department = "Phòng Tư pháp",
                        message = "dvcqg/motcua: status resolved ≠ processing, finished_at 20/05/2026 ≠ (trống)" } },
                    result.items)
    assert.are.equal("1 mã hồ sơ có dữ liệu khác nhau giữa các nguồn", result.summary)
    assert.are.equal(5, result.metrics.records)
    assert.are.equal(2, result.metrics.linked)
  end)

  it("reads nothing more when no code has a record in a second source", function()
    local queries = host.install{ now = "25/05/2026 09:00", dossiers = { record("motcua", "HS-1"), record("dvcqg", "HS-2") } }
    local result = check.run(host.options(check))
    assert.are.equal("ok", result.status)
    assert.are.equal("2 bản ghi: không có mã hồ sơ nào mâu thuẫn giữa các nguồn", result.summary)
    assert.are.equal(2, #queries)
  end)

  it("compares only the fields asked for", function()
    local dossiers = { record("a", "HS-1"), record("b", "HS-1", { department = "Phòng Kinh tế", primary = false }) }
    local result = run({}, dossiers)
    assert.are.equal("Phòng Tư pháp", result.items[1].department)
    assert.are.equal("a/b: department Phòng Tư pháp ≠ Phòng Kinh tế", result.items[1].message)
    assert.are.equal("ok", run({ fields = { "status", "due_at" } }, dossiers).status)
  end)

  it("refuses a field that cannot be compared", function()
    assert.has_error(function() run({ fields = { "applicant" } }, {}) end, "option 'fields': 'applicant' cannot be compared")
  end)
end)
