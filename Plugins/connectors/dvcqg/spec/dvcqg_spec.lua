-- The national portal's dossier-sync JSON, through the same import as `hostrun import`.
local fixtures = require("hostrun.fixtures")
local plugin = require("hostrun.plugin")

describe("dvcqg", function()
  before_each(fixtures.fresh_store)

  it("imports the dossiers the centre received, skipping those only submitted", function()
    local result = plugin.import("fixtures/dong-bo-ho-so.json")
    assert.are.same({ 7, 0 }, { result.inserted, result.rejected })
    assert.are.equal(7, dossiers.count{ source = "dvcqg" })
    assert.is_nil(dossiers.get("G22.31.21-260115-0004", "dvcqg"))         -- TrangThaiHoSo 1
  end)

  it("maps codes through its tables and reads yyyyMMddHHmmss dates", function()
    plugin.import("fixtures/dong-bo-ho-so.json")
    local birth = dossiers.get("G22.31.21-260105-0001", "dvcqg")
    assert.are.same({ "returned", "online", "Văn phòng HĐND và UBND" }, { birth.status, birth.channel, birth.department })
    assert.is_true(birth.fully_online)
    assert.are.equal("05/01/2026 08:12", text.format_date(birth.received_at, "datetime"))
    assert.are.equal("05/01/2026 09:30", text.format_date(birth.finished_at, "datetime"))   -- NgayKetThucXuLy, not NgayTra
    local postal = dossiers.get("000.31.21.H56-260107-0004", "dvcqg")
    assert.are.same({ "processing", "postal" }, { postal.status, postal.channel })          -- 4 as a number, "3"
    local certified = dossiers.get("G22.31.21-260112-0003", "dvcqg")
    assert.are.same({ "resolved", true, true }, { certified.status, certified.fee_payable, certified.paid_online })
    assert.are.equal("refused", dossiers.get("G22.31.21-260119-0006", "dvcqg").status)
    assert.are.equal("withdrawn", dossiers.get("G22.31.21-260116-0005", "dvcqg").status)
  end)

  it("changes nothing when the same export comes again", function()
    plugin.import("fixtures/dong-bo-ho-so.json")
    local again = plugin.import("fixtures/dong-bo-ho-so.json")
    assert.are.same({ 0, 0, 7 }, { again.inserted, again.updated, again.unchanged })
  end)

  it("rejects codes its tables lack, impossible dates and contradictions, naming the record", function()
    local result = plugin.import("fixtures/ma-khong-hop-le.json")
    assert.are.equal(1, result.inserted)
    local messages = {}
    for _, rejection in ipairs(result.rejections) do
      messages[#messages + 1] = rejection.origin:match("data%[%d+%]$") .. ": " .. (rejection.field and rejection.field .. ": " or "") .. rejection.reason
    end
    assert.are.same({
      "data[2]: TrangThaiHoSo 8 has no mapping in dvcqg/status-codes.lua",
      "data[3]: KenhThucHien 5 has no mapping in dvcqg/channel-codes.lua",
      "data[4]: received_at: “20260231083000”: day 31 does not exist in 02/2026",
      "data[5]: finished_at: 2026-01-19T16:00:00+07:00 is before receipt 2026-01-20T08:30:00+07:00",
      "data[6]: procedure_code: is required",
      "data[7]: TenLinhVuc 'Giáo dục và Đào tạo' has no department in dvcqg/departments.lua",
    }, messages)
    assert.has_error(function() plugin.import("fixtures/ma-khong-hop-le.json", { strict = true }) end)
    assert.are.equal(1, dossiers.count{})
  end)

  it("writes nothing from a truncated file or a response that is not an export", function()
    local ok, err = pcall(plugin.import, "fixtures/bi-cat-ngang.json")
    assert.is_false(ok)
    assert.matches("json.decode: line %d+, column %d+", err)
    ok, err = pcall(plugin.import, "fixtures/khong-phai-dong-bo.json")
    assert.is_false(ok)
    assert.matches("not a dossier%-sync export", err)
    assert.are.equal(0, dossiers.count{})
  end)

  it("maps one object as a record, through the tables", function()
    local dvcqg = plugin.load()
    local record = dvcqg.record({ MaHoSo = "X", TrangThaiHoSo = 9, KenhThucHien = "1", TenLinhVuc = "Chứng thực",
                                  NgayTiepNhan = "20260105080000", NgayKetThucXuLy = "20260105100000" }, "x.json:data[1]")
    assert.are.same({ "resolved", "in_person", "20260105100000", "Văn phòng HĐND và UBND" },
      { record.status, record.channel, record.finished_at, record.department })
    local skipped, why = dvcqg.record({ MaHoSo = "Y", TrangThaiHoSo = "1" }, "x.json:data[2]")
    assert.is_nil(skipped)
    assert.matches("chưa tiếp nhận", why)
  end)
end)
