-- The periodic report over the seed's records must say what the seed report says, in its words.
local fixtures = require("busted.fixtures")

-- The paragraphs of a text: non-empty lines.
local function paragraphs_of(source)
  local out = {}
  for line in source:gmatch("[^\n]+") do out[#out + 1] = line end
  return out
end

-- The seed's paragraph that starts with `prefix`.
local function seed_paragraph(prefix)
  for _, line in ipairs(paragraphs_of(fixtures.read("fixtures/seed-report.txt"))) do
    if line:sub(1, #prefix) == prefix then return line end
  end
  error("the seed has no paragraph starting " .. prefix)
end

-- The document's blocks, as the JSON writer gives them.
local function blocks(doc) return json.decode(doc:render("json")).blocks end

local function paragraph_after(doc, heading)
  local list = blocks(doc)
  for i, block in ipairs(list) do
    if block.type == "heading" and block.text == heading then return list[i + 1].text, list[i + 2].text end
  end
  error("no heading " .. heading)
end

describe("bao-cao-dinh-ky over the seed's records", function()
  local doc

  setup(function()
    require("hostrun.fixtures").seed_scenario()
    clock.set("25/05/2026 17:00")
    doc = report.build("bao-cao-dinh-ky", period.range("01/01/2026", "25/05/2026"))
  end)

  it("writes section I.1 in the seed's words and numbers", function()
    local figures, rates = paragraph_after(doc, "1. Hoạt động tiếp nhận và trả kết quả giải quyết thủ tục hành chính")
    assert.are.equal(seed_paragraph("Từ ngày 01/01/2026 đến ngày 25/5/2026, Trung tâm Phục vụ"), figures)
    assert.are.equal(seed_paragraph("Tỷ lệ số hóa hồ sơ"), rates)
  end)

  it("writes section I.3 with the seed's leading zeros", function()
    local received, handled = paragraph_after(doc, "3. Về tình hình tiếp nhận, xử lý phản ánh, kiến nghị")
    assert.are.equal(seed_paragraph("Từ ngày 01/01/2026 đến ngày 25/5/2026, Trung tâm đã tiếp nhận 08"), received)
    assert.are.equal(seed_paragraph("Các PAKN trên"), handled)
  end)

  it("heads the document as an official report", function()
    local meta = json.decode(doc:render("json")).metadata
    assert.are.same({ "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" }, meta.issuer)
    assert.are.equal("Số: /BC-TTPVHCC", meta.documentNumber)
    assert.are.equal("Hưng Đạo, ngày tháng năm 2026", meta.placeDateLine)
    assert.are.equal("BÁO CÁO", meta.title)
  end)

  it("takes sections II and III and the closing block from the text file", function()
    local list = blocks(doc)
    local signature = list[#list]
    assert.are.equal("signature", signature.type)
    assert.are.same({ "- Văn phòng HĐND & UBND;", "- Lưu: TTPVHCC" }, signature.recipients)
    assert.are.same({ "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC" }, signature.signerTitle)
    assert.are.equal("Ngô Thanh Phương", signature.signerName)
    local _, first = paragraph_after(doc, "II. Khó khăn, hạn chế và nguyên nhân")
    assert.are.equal(seed_paragraph("Đối với các thủ tục"), first)
  end)

  it("writes the rates with a comma when asked", function()
    local comma = report.build("bao-cao-dinh-ky", period.range("01/01/2026", "25/05/2026"), { decimal = "," })
    local _, rates = paragraph_after(comma, "1. Hoạt động tiếp nhận và trả kết quả giải quyết thủ tục hành chính")
    assert.are.equal("Tỷ lệ số hóa hồ sơ đạt 98,7%. Tỷ lệ tái sử dụng dữ liệu lưu kho đạt 83,24%. Tỷ lệ thanh toán trực tuyến đạt 100%.", rates)
  end)

  it("reads another text file and names its bad lines", function()
    local ok, message = pcall(report.build, "bao-cao-dinh-ky", period.range("01/01/2026", "25/05/2026"),
      { text = "Plugins/reports/bao-cao-dinh-ky/spec/fixtures/bad-placeholder.txt" })
    assert.is_false(ok)
    assert.matches("bad%-placeholder%.txt:4: unknown placeholder {{so%-lieu}}", message)
  end)

  it("signs with a date when one is given", function()
    local dated = report.build("bao-cao-dinh-ky", period.range("01/01/2026", "25/05/2026"), { date = "05/06/2026" })
    assert.are.equal("Hưng Đạo, ngày 05 tháng 6 năm 2026", json.decode(dated:render("json")).metadata.placeDateLine)
  end)

  it("says so when no new feedback was received", function()
    local doc = report.build("bao-cao-dinh-ky", period.range("20/05/2026", "21/05/2026"))
    local received, handled = paragraph_after(doc, "3. Về tình hình tiếp nhận, xử lý phản ánh, kiến nghị")
    assert.are.equal("Từ ngày 20/5/2026 đến ngày 21/5/2026, Trung tâm không tiếp nhận phản ánh, kiến nghị (PAKN) mới từ công dân; có 01 PAKN từ kỳ trước chuyển sang; đã thực hiện xử lý 01 PAKN.", received)
    assert.matches("^Các PAKN trên được thực hiện xử lý đúng thời hạn", handled)
  end)

  it("says so when there was no feedback at all", function()
    local doc = report.build("bao-cao-dinh-ky", period.range("01/07/2025", "31/07/2025"))
    local received, next_block = paragraph_after(doc, "3. Về tình hình tiếp nhận, xử lý phản ánh, kiến nghị")
    assert.are.equal("Từ ngày 01/7/2025 đến ngày 31/7/2025, Trung tâm không tiếp nhận phản ánh, kiến nghị (PAKN) nào từ công dân. Kết quả giải quyết PAKN đều được công khai, minh bạch trên Hệ thống phản ánh, kiến nghị của Văn phòng Chính phủ.", received)
    assert.are.equal("II. Khó khăn, hạn chế và nguyên nhân", next_block)
  end)
end)
