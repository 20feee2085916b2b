-- The city's roll-up: one row per ward of a shared store, a total row that is the whole store
-- and the sum of the rows, rendered in every format.
describe("tong-hop-don-vi over three wards", function()
  local WARDS = { "Phường Cửa Nam", "Phường Hàng Bông", "Phường Phú Thượng" }
  local p, table_, figures

  setup(function()
    local fixtures = require("hostrun.fixtures")
    local r
    for i, ward in ipairs(WARDS) do r = fixtures.demo{ dossiers = 150 + 50 * i, seed = i, centre = ward } end
    clock.set(r.as_of)
    p = period.range("01/01/2026", "25/05/2026")
    table_ = json.decode(report.build("tong-hop-don-vi", p):render("json")).blocks[1]
    figures = stats.figures(p, { by = "centre" })
  end)

  it("has one row per ward, by name, and a total row", function()
    assert.are.equal(#WARDS + 1, #table_.rows)
    for i, ward in ipairs(WARDS) do
      assert.are.same({ i, ward }, { table_.rows[i].cells[1], table_.rows[i].cells[2] })
    end
    local total = table_.rows[#table_.rows]
    assert.is_true(total.total)
    assert.are.equal("Tổng cộng", total.cells[2])
  end)

  it("has count columns whose rows add up to the total row, which is the whole store", function()
    local total = table_.rows[#table_.rows].cells
    assert.is_true(figures.received > 0)
    assert.are.same({ figures.received, figures.finished, figures.in_progress }, { total[3], total[8], total[14] })
    -- Every column but the two rates at the end counts dossiers.
    for column = 3, #table_.columns - 2 do
      local sum = 0
      for r = 1, #table_.rows - 1 do sum = sum + table_.rows[r].cells[column] end
      assert.are.equal(total[column], sum, table_.columns[column])
    end
  end)

  it("gives each ward the dossiers it received itself", function()
    for i, ward in ipairs(WARDS) do
      local cells = table_.rows[i].cells
      -- received = carried over + received in the period, counted here by a query of its own.
      assert.are.equal(dossiers.count{ centre = ward, received_in = p }, cells[3] - cells[4])
      assert.is_true(cells[3] > 0, ward)
    end
  end)

  it("rates the total row as the store's indicators", function()
    local by_id = {}
    for _, indicator in ipairs(figures.indicators) do by_id[indicator.id] = indicator end
    local total = table_.rows[#table_.rows].cells
    -- JSON carries a percent cell as a ratio.
    assert.near(by_id.on_time.value / 100, total[#total - 1], 0.00005)
    assert.near(by_id.online.value / 100, total[#total], 0.00005)
  end)

  it("is written in every text format (XLSX and DOCX: the command's tests)", function()
    local doc = report.build("tong-hop-don-vi", p)
    for _, format in ipairs({ "md", "html", "csv", "json" }) do
      assert.is_true(#doc:render(format) > 0, format)
    end
    assert.matches("Phường Phú Thượng", doc:render("md"), 1, true)
  end)
end)

describe("tong-hop-don-vi with dossiers that name no centre", function()
  it("lists them last, under a name of their own", function()
    local fixtures = require("hostrun.fixtures")
    fixtures.fresh_store()
    fixtures.demo{ dossiers = 100, seed = 7, centre = "Phường Cửa Nam" }
    local r = fixtures.demo{ dossiers = 100, seed = 8 }
    clock.set(r.as_of)
    local rows = json.decode(report.build("tong-hop-don-vi", period.range("01/01/2026", "25/05/2026")):render("json")).blocks[1].rows
    assert.are.same({ "Phường Cửa Nam", "(Chưa ghi đơn vị)", "Tổng cộng" }, { rows[1].cells[2], rows[2].cells[2], rows[3].cells[2] })
  end)
end)
