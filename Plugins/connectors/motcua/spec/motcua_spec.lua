-- The provincial one-stop software's Excel export, through the same import as `hostrun import`.
local fixtures = require("hostrun.fixtures")
local plugin = require("hostrun.plugin")

describe("motcua", function()
  before_each(fixtures.fresh_store)

  it("finds the two-row header past the title block and stops at the total row", function()
    local result = plugin.import("fixtures/bao-cao-thang-01-2026.xlsx")
    assert.are.same({ 10, 0 }, { result.inserted, result.rejected })
    assert.are.equal(10, dossiers.count{ source = "motcua" })
  end)

  it("reads serial dates, procedure codes Excel made numbers, words through its tables", function()
    plugin.import("fixtures/bao-cao-thang-01-2026.xlsx")
    local first = dossiers.get("000.31.21.H56-260105-0001", "motcua")
    assert.are.same({ "returned", "online", true, true, true }, { first.status, first.channel, first.fully_online,
      first.fee_payable, first.paid_online })
    assert.are.equal("05/01/2026 10:40", text.format_date(first.finished_at, "datetime"))   -- a bare serial
    local land = dossiers.get("000.31.21.H56-260106-0003", "motcua")
    assert.are.same({ "1.012790", "supplement_requested" }, { land.procedure_code, land.status })
    assert.are.equal("postal", dossiers.get("000.31.21.H56-260107-0004", "motcua").channel)
    assert.are.equal("withdrawn", dossiers.get("000.31.21.H56-260113-0007", "motcua").status)
  end)

  it("updates what progressed when the month is exported again", function()
    plugin.import("fixtures/bao-cao-thang-01-2026.xlsx")
    local again = plugin.import("fixtures/bao-cao-thang-01-2026.xlsx")
    assert.are.same({ 0, 0, 10 }, { again.inserted, again.updated, again.unchanged })
    local later = plugin.import("fixtures/bao-cao-thang-01-2026-lan-2.xlsx")
    assert.are.same({ 0, 2, 7 }, { later.inserted, later.updated, later.unchanged })
    assert.are.equal("returned", dossiers.get("000.31.21.H56-260106-0003", "motcua").status)
  end)

  it("rejects unknown words, contradictions, repeats and bad dates, naming the row", function()
    local result = plugin.import("fixtures/du-lieu-loi.xlsx")
    assert.are.equal(1, result.inserted)
    local rows = {}
    for _, rejection in ipairs(result.rejections) do rows[#rows + 1] = rejection.origin:match("row (%d+)$") end
    assert.are.same({ "10", "11", "12", "13", "14" }, rows)
    assert.matches("Trạng thái 'Đang chờ phê duyệt' has no mapping", result.rejections[1].reason)
    assert.matches("Kênh tiếp nhận 'Zalo' has no mapping", result.rejections[2].reason)
    assert.are.equal("finished_at", result.rejections[3].field)
    assert.matches("appears earlier in this batch %(.*row 9%)", result.rejections[4].reason)
    assert.matches("day 32 does not exist", result.rejections[5].reason)
    assert.has_error(function() plugin.import("fixtures/du-lieu-loi.xlsx", { strict = true }) end)
    assert.are.equal(1, dossiers.count{})
  end)

  it("writes nothing from an export without its columns or a download cut short", function()
    local ok, err = pcall(plugin.import, "fixtures/thieu-cot-trang-thai.xlsx")
    assert.is_false(ok)
    assert.matches('never found "Trạng thái"', err, 1, true)
    ok, err = pcall(plugin.import, "fixtures/tai-ve-do-dang.xlsx")
    assert.is_false(ok)
    assert.matches("not a readable ZIP package", err, 1, true)
    assert.are.equal(0, dossiers.count{})
  end)

  it("maps ticks and fees of a row", function()
    local motcua = plugin.load()
    local record = motcua.record({ code = "X", fee = 0, paid_online = "x", fully_online = " X ",
                                   status = "ĐÃ TRẢ KẾT QUẢ", channel = "Trực tuyến" }, "x.xlsx:row 9")
    assert.are.same({ false, false, true, "returned", "online" },
      { record.fee_payable, record.paid_online, record.fully_online, record.status, record.channel })
  end)
end)
