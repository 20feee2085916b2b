-- The business-registration system's household-business downloads, CSV and Excel.
local fixtures = require("hostrun.fixtures")

local function load(file, opts)
  opts = opts or {}
  opts.connector = "dkkd"
  return fixtures.load("fixtures/" .. file, opts)
end

describe("dkkd", function()
  before_each(fixtures.fresh_store)

  it("imports the CSV download (BOM, semicolons) with procedures from its table", function()
    local result = load("ho-kinh-doanh-thang-01-2026.csv")
    assert.are.same({ 5, 0 }, { result.inserted, result.rejected })
    local new = dossiers.get("HKD.31.21.260106.0001", "dkkd")
    assert.are.same({ "2.000575", "returned", "Thành lập và hoạt động của hộ kinh doanh", true },
      { new.procedure_code, new.status, new.field, new.paid_online })
    assert.are.equal("2.000619", dossiers.get("HKD.31.21.260115.0004", "dkkd").procedure_code)
    assert.are.equal("in_person", dossiers.get("HKD.31.21.260120.0005", "dkkd").channel)
  end)

  it("reads the Excel download to the same dossiers", function()
    load("ho-kinh-doanh-thang-01-2026.csv")
    local excel = load("ho-kinh-doanh-thang-01-2026.xlsx")
    assert.are.same({ 0, 0, 5 }, { excel.inserted, excel.updated, excel.unchanged })
  end)

  it("rejects unknown statuses and kinds, contradictions and bad dates", function()
    local result = load("du-lieu-loi.csv")
    assert.are.equal(0, result.inserted)
    assert.are.equal(4, result.rejected)
    assert.matches("'Đã hủy' has no mapping in dkkd/status%-words.lua", result.rejections[1].reason)
    assert.matches("has no procedure in dkkd/procedures.lua", result.rejections[2].reason)
    assert.are.equal("finished_at", result.rejections[3].field)
    assert.matches("day 31 does not exist in 04/2026", result.rejections[4].reason)
    assert.are.equal(0, dossiers.count{})
  end)

  it("writes nothing from another list or a download cut off inside a quote", function()
    local ok, err = pcall(load, "sai-danh-sach.csv")
    assert.is_false(ok)
    assert.matches("missing column%(s%)", err)
    ok, err = pcall(load, "bi-cat-ngang.csv")
    assert.is_false(ok)
    assert.matches("never closed", err)
    assert.are.equal(0, dossiers.count{})
  end)
end)
