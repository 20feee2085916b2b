local host = require("Plugins.checks.spec-support.fake_host")
local check = require("Plugins.checks.finished-without-result-date.init")

describe("finished-without-result-date", function()
  it("is a validation rule", function()
    assert.is_true(check.validation)
  end)

  it("finds finished dossiers of every source that have no result date", function()
    local queries = host.install{ now = "25/05/2026 09:00", dossiers = {
      { code = "HS-1", department = "Phòng Tư pháp", status = "returned", received_at = "04/05/2026", due_at = "08/05/2026" },
      { code = "HS-2", department = "Phòng Tư pháp", status = "resolved", received_at = "04/05/2026", due_at = "08/05/2026",
        finished_at = "07/05/2026" },
      { code = "HS-3", department = "Phòng Kinh tế", status = "refused", received_at = "05/05/2026", source = "dvcqg",
        primary = false },
      { code = "HS-4", department = "Phòng Kinh tế", status = "processing", received_at = "05/05/2026" },
    } }
    local result = check.run(host.options(check))
    assert.are.equal("warning", result.status)
    assert.are.same({ "HS-1", "HS-3" }, host.keys(result))
    assert.are.same({ key = "HS-3", department = "Phòng Kinh tế",
                      message = "trạng thái refused nhưng không có ngày trả kết quả (nguồn dvcqg, tiếp nhận 05/05/2026)" },
                    result.items[2])
    assert.are.equal("2 hồ sơ đã kết thúc nhưng thiếu ngày trả kết quả", result.summary)
    assert.are.equal("all", queries[1].scope)
  end)

  it("is OK on clean data", function()
    host.install{ now = "25/05/2026 09:00", dossiers = {} }
    assert.are.equal("ok", check.run(host.options(check)).status)
  end)
end)
