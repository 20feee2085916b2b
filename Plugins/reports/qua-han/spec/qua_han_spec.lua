-- Overdue and soon-due dossiers by department, with working days overdue or left.
describe("qua-han over the seed's records", function()
  setup(function()
    require("hostrun.fixtures").seed_scenario()
  end)

  local function build(p, options)
    return json.decode(report.build("qua-han", p, options):render("json")).blocks
  end

  it("finds none overdue at the seed's end, and those due within two working days", function()
    clock.set("25/05/2026 17:00")
    local blocks = build(period.range("01/01/2026", "25/05/2026"))
    local total = blocks[1].rows[#blocks[1].rows].cells
    assert.are.same({ "Tổng cộng", 106, 0 }, { total[2], total[3], total[4] })
    assert.are.equal(total[5], #blocks[2].rows)
    for _, row in ipairs(blocks[2].rows) do
      assert.are.equal("Sắp đến hạn", row.cells[7])
      assert.is_true(row.cells[9] <= 2)
    end
  end)

  it("counts working days overdue as the dossiers themselves do", function()
    clock.set("15/06/2026 17:00")
    local blocks = build(period.month(2026, 6), { soon = 3 })
    local summary, details = blocks[1].rows, blocks[2].rows
    local total = summary[#summary].cells
    assert.are.equal(dossiers.count{ open_on = "15/06/2026" }, total[3])
    local overdue = 0
    for _, row in ipairs(details) do
      local d = dossiers.get(row.cells[3])
      if row.cells[7] == "Quá hạn" then
        overdue = overdue + 1
        assert.are.equal(d:days_overdue("15/06/2026 17:00"), row.cells[8])
      else
        assert.are.equal(d:working_days_left("15/06/2026 17:00"), row.cells[9])
        assert.is_true(row.cells[9] <= 3)
      end
      assert.are.equal(d.department, row.cells[2])
    end
    assert.are.equal(total[4], overdue)
    assert.is_true(overdue > 0)
  end)

  it("lists departments in order, the most overdue first within each", function()
    clock.set("15/06/2026 17:00")
    local details = build(period.month(2026, 6))[2].rows
    for i = 2, #details do
      local a, b = details[i - 1].cells, details[i].cells
      assert.is_true(a[2] <= b[2])
      if a[2] == b[2] and a[7] == "Quá hạn" and b[7] == "Quá hạn" then assert.is_true(a[8] >= b[8]) end
    end
  end)

  it("refuses a soon that is not a number", function()
    local ok, message = pcall(report.build, "qua-han", period.month(2026, 6), { soon = "hai" })
    assert.is_false(ok)
    assert.matches("option 'soon': 'hai' is not a whole number", message)
  end)
end)
