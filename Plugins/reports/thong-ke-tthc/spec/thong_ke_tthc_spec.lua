-- The statistics table: one row per field, the total row is the whole centre, rows add up to it.
describe("thong-ke-tthc over the seed's records", function()
  local table_, figures

  setup(function()
    require("hostrun.fixtures").seed_scenario()
    clock.set("25/05/2026 17:00")
    local p = period.range("01/01/2026", "25/05/2026")
    local doc = report.build("thong-ke-tthc", p)
    table_ = json.decode(doc:render("json")).blocks[1]
    figures = stats.figures(p, { by = "field" })
  end)

  it("has a row per field and a total row", function()
    assert.are.equal("table", table_.type)
    assert.are.equal(#figures.by.field + 1, #table_.rows)
    assert.is_true(table_.rows[#table_.rows].total)
    assert.are.same({ "", "Tiếp nhận", "Đã giải quyết", "Đang giải quyết" },
      { table_.groups[1].title, table_.groups[2].title, table_.groups[3].title, table_.groups[4].title })
  end)

  it("totals the seed's figures: 4.266 received, 4.160 finished, 106 in progress", function()
    local total = table_.rows[#table_.rows].cells
    assert.are.equal("Tổng cộng", total[2])
    assert.are.same({ 4266, 69, 4152, 45, 0 }, { total[3], total[4], total[5], total[6], total[7] })
    assert.are.same({ 4160, 4029, 8, 11, 29, 83 }, { total[8], total[9], total[10], total[11], total[12], total[13] })
    assert.are.same({ 106, 93, 0, 13 }, { total[14], total[15], total[16], total[17] })
  end)

  it("has rows that add up to the total row, column by column", function()
    local total = table_.rows[#table_.rows].cells
    for column = 3, #table_.columns do
      local sum = 0
      for r = 1, #table_.rows - 1 do sum = sum + table_.rows[r].cells[column] end
      assert.are.equal(total[column], sum, table_.columns[column])
    end
  end)

  it("keeps the identities in every row", function()
    for _, row in ipairs(table_.rows) do
      local c = row.cells
      assert.are.equal(c[3], c[4] + c[5] + c[6] + c[7])
      assert.are.equal(c[3], c[8] + c[14])
      assert.are.equal(c[8], c[9] + c[10] + c[11] + c[12] + c[13])
      assert.are.equal(c[14], c[15] + c[16] + c[17])
    end
  end)

  it("files withdrawn dossiers as on time in the provincial layout", function()
    local doc = report.build("thong-ke-tthc", period.range("01/01/2026", "25/05/2026"), { layout = "provincial" })
    local rows = json.decode(doc:render("json")).blocks[1].rows
    local total = rows[#rows].cells
    assert.are.same({ 8 + 83, 0 }, { total[10], total[13] })
    assert.are.same({ 93 + 13, 0 }, { total[15], total[17] })
  end)

  it("refuses an option it does not have", function()
    local ok, message = pcall(report.build, "thong-ke-tthc", period.range("01/01/2026", "25/05/2026"), { by = "department" })
    assert.is_false(ok)
    assert.matches("option 'by': not an option of this report %(options: decimal, layout%)", message)
  end)
end)
