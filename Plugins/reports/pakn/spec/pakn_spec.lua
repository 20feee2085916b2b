-- Feedback received, handled, on time and open: per month, and the period's total row.
describe("pakn over the seed's records", function()
  local rows, feedback

  setup(function()
    require("hostrun.fixtures").seed_scenario()
    clock.set("25/05/2026 17:00")
    local p = period.range("01/01/2026", "25/05/2026")
    rows = json.decode(report.build("pakn", p):render("json")).blocks[1].rows
    feedback = stats.figures(p).feedback
  end)

  it("has a row per month and the period's row", function()
    assert.are.equal(6, #rows)
    assert.are.equal("Tháng 1/2026", rows[1].cells[1])
    assert.are.equal("Cả kỳ", rows[6].cells[1])
    assert.is_true(rows[6].total)
  end)

  it("totals the seed's eight feedback items, all handled on time", function()
    local total = rows[6].cells
    assert.are.same({ feedback.carried_over, feedback.received, feedback.handled, feedback.handled_on_time, feedback.rejected, feedback.open, 1 },
      { total[2], total[3], total[4], total[5], total[6], total[7], total[8] })
    assert.are.same({ 8, 8, 8 }, { total[3], total[4], total[5] })
  end)

  it("receives in the months what the period received", function()
    local received = 0
    for i = 1, 5 do received = received + rows[i].cells[3] end
    assert.are.equal(rows[6].cells[3], received)
  end)

  it("keeps the identity in every row", function()
    for _, row in ipairs(rows) do
      local c = row.cells
      assert.are.equal(c[2] + c[3], c[4] + c[6] + c[7])
    end
  end)
end)
