-- The feedback system's export: feedback records, not dossiers.
local fixtures = require("hostrun.fixtures")
local plugin = require("hostrun.plugin")

describe("dvcqg-pakn", function()
  before_each(fixtures.fresh_store)

  it("yields feedback records", function()
    assert.are.equal("feedback", plugin.load().records)
  end)

  it("imports citizens' feedback, and again changes nothing", function()
    local result = plugin.import("fixtures/phan-anh-thang-01-2026.csv")
    assert.are.same({ 5, 0 }, { result.inserted, result.rejected })
    assert.are.equal(0, dossiers.count{})
    local again = plugin.import("fixtures/phan-anh-thang-01-2026.csv")
    assert.are.same({ 0, 0, 5 }, { again.inserted, again.updated, again.unchanged })
  end)

  it("rejects unknown statuses, missing or early answers and impossible dates", function()
    local result = plugin.import("fixtures/du-lieu-loi.csv")
    assert.are.equal(4, result.rejected)
    assert.matches("'Đã chuyển cơ quan khác' has no mapping", result.rejections[1].reason)
    assert.are.same({ "handled_at", "handled_at", "received_at" },
      { result.rejections[2].field, result.rejections[3].field, result.rejections[4].field })
    assert.has_error(function() plugin.import("fixtures/du-lieu-loi.csv", { strict = true }) end)
  end)

  it("writes nothing from another list", function()
    local ok, err = pcall(plugin.import, "fixtures/sai-danh-sach.csv")
    assert.is_false(ok)
    assert.matches("missing column%(s%)", err)
  end)
end)
