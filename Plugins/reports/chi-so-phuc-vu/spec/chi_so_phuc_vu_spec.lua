-- The service indicators with their definitions, for the period and per month.
describe("chi-so-phuc-vu over the seed's records", function()
  local blocks

  setup(function()
    require("hostrun.fixtures").seed_scenario()
    clock.set("25/05/2026 17:00")
    blocks = json.decode(report.build("chi-so-phuc-vu", period.range("01/01/2026", "25/05/2026")):render("json")).blocks
  end)

  it("prints every indicator with its definition, numerator, denominator and rate", function()
    local rows = blocks[1].rows
    assert.are.equal(#stats.indicator_definitions(), #rows)
    assert.are.same({ 1, "Tỷ lệ số hóa hồ sơ" }, { rows[1].cells[1], rows[1].cells[2] })
    assert.matches("÷", rows[1].cells[3])
    assert.are.same({ 4098, 4152 }, { rows[1].cells[4], rows[1].cells[5] })
    assert.near(0.987, rows[1].cells[6], 1e-9)
    assert.are.same({ 3456, 4152 }, { rows[2].cells[4], rows[2].cells[5] })
    assert.near(0.8324, rows[2].cells[6], 1e-9)
    assert.are.equal(1, rows[3].cells[6])
  end)

  it("has a column per month of the period, then the whole period", function()
    local monthly = blocks[2]
    assert.are.same({ "Chỉ số", "T1/2026", "T2/2026", "T3/2026", "T4/2026", "T5/2026", "Cả kỳ" }, monthly.columns)
    for i, row in ipairs(monthly.rows) do
      assert.are.equal(blocks[1].rows[i].cells[6], row.cells[7])
    end
  end)

  it("leaves a rate empty when nothing was counted below the line", function()
    local month = json.decode(report.build("chi-so-phuc-vu", period.range("01/07/2025", "31/07/2025")):render("json")).blocks
    assert.are.equal(json.null, month[1].rows[1].cells[6])
  end)

  it("draws the period's rates as a chart", function()
    local chart = blocks[3]
    assert.are.equal("chart", chart.type)
    assert.are.equal("percent", chart.valueKind)
    assert.near(0.987, chart.series[1].values[1], 1e-9)
  end)
end)
