-- The canonical connector: hostrun's own CSV, through the same import as `hostrun import`.
local fixtures = require("hostrun.fixtures")
local plugin = require("hostrun.plugin")

describe("canonical", function()
  before_each(fixtures.fresh_store)

  it("imports every row of a canonical CSV", function()
    local result = fixtures.load("fixtures/ho-so.csv")
    assert.are.same({ 6, 0, 0, 0 }, { result.inserted, result.updated, result.unchanged, result.rejected })
    local d = dossiers.get("000.31.21.H56-260105-0002", "motcua")
    assert.are.equal("in_person", d.channel)
    assert.are.equal("resolved", d.status)
    assert.are.equal("05/01/2026 09:30", text.format_date(d.finished_at, "datetime"))
    assert.is_true(d.fee_payable)
    assert.is_false(d.paid_online)
    assert.are.equal(3, dossiers.count{ source = "motcua" })
  end)

  it("changes nothing when the same file comes again", function()
    fixtures.load("fixtures/ho-so.csv")
    local again = fixtures.load("fixtures/ho-so.csv")
    assert.are.same({ 0, 0, 6 }, { again.inserted, again.updated, again.unchanged })
  end)

  it("rejects bad rows by file, row and reason, and writes the others", function()
    local result = fixtures.load("fixtures/bad-rows.csv")
    assert.are.equal(1, result.inserted)
    local reasons = {}
    for _, rejection in ipairs(result.rejections) do
      reasons[#reasons + 1] = rejection.origin:match("row %d+$") .. " " .. (rejection.field or "-")
    end
    assert.are.same({
      "row 3 finished_at", "row 4 status", "row 5 channel", "row 6 received_at", "row 7 fully_online",
      "row 8 -", "row 9 code", "row 10 fully_online",
    }, reasons)
    assert.matches("appears earlier in this batch %(.*bad%-rows%.csv:row 2%) with different values",
      result.rejections[6].reason)
    assert.are.equal(1, dossiers.count{})
  end)

  it("writes nothing under strict when a row is rejected", function()
    assert.has_error(function() fixtures.load("fixtures/bad-rows.csv", { strict = true }) end)
    assert.are.equal(0, dossiers.count{})
  end)

  it("refuses a file whose columns are not exactly the canonical ones", function()
    local ok, err = pcall(fixtures.load, "fixtures/extra-column.csv")
    assert.is_false(ok)
    assert.matches("unknown column%(s%) ghi_chu", err)
    ok, err = pcall(fixtures.load, "fixtures/missing-column.csv")
    assert.is_false(ok)
    assert.matches("missing column%(s%) status", err)
    assert.are.equal(0, dossiers.count{})
  end)

  it("reads Excel's semicolons and Windows-1258, and a file cut off is an error", function()
    local result = fixtures.load("fixtures/ho-so-excel-1258.csv")
    assert.are.equal(2, result.inserted)
    local land = dossiers.get("000.31.21.H56-260106-0003")
    assert.are.equal("Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", land.procedure_name)
    assert.are.equal(text.nfc(land.department), land.department)
    local ok, err = pcall(fixtures.load, "fixtures/truncated.csv")
    assert.is_false(ok)
    assert.matches("never closed", err)
  end)

  it("reads the optional centre column: a changed centre is a change", function()
    local result = fixtures.load("fixtures/ho-so-centre.csv")
    assert.are.same({ 3, 0, 0, 0 }, { result.inserted, result.updated, result.unchanged, result.rejected })
    local again = fixtures.load("fixtures/ho-so-centre.csv")
    assert.are.same({ 0, 0, 3 }, { again.inserted, again.updated, again.unchanged })
    -- ho-so.csv has no centre column: its first row is the same dossier, now with none named.
    local without = fixtures.load("fixtures/ho-so.csv")
    assert.are.same({ 5, 1, 0 }, { without.inserted, without.updated, without.unchanged })
  end)

  it("lists the canonical columns of docs/canonical-csv.md", function()
    local canonical = plugin.load()
    assert.are.equal(19, #canonical.columns)
    assert.are.equal("code", canonical.columns[1])
  end)
end)
