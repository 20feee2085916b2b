-- Reconciliation of sources: records per source, what the figures count, and disagreements.
describe("doi-soat over the seed's records", function()
  local blocks, p

  setup(function()
    require("hostrun.fixtures").seed_scenario()
    clock.set("25/05/2026 17:00")
    p = period.range("01/01/2026", "25/05/2026")
    blocks = json.decode(report.build("doi-soat", p):render("json")).blocks
  end)

  it("has a row per source that the store counts the same way", function()
    local rows = blocks[1].rows
    local sources = dossiers.group_by("source", { scope = "all", received_in = p })
    assert.are.equal(#sources + 1, #rows)
    for i, group in ipairs(sources) do
      assert.are.same({ group.key, group.count }, { rows[i].cells[2], rows[i].cells[3] })
    end
  end)

  it("counts each dossier once: the total counted is what the figures received in the period", function()
    local total = blocks[1].rows[#blocks[1].rows].cells
    assert.are.equal(dossiers.count{ scope = "all", received_in = p }, total[3])
    assert.are.equal(stats.figures(p).new, total[4])
    assert.are.equal(total[3] - total[4], total[5])
    assert.are.equal(stats.figures(p).in_progress, total[6])
  end)

  it("says how many dossiers several systems saw, and lists those that disagree", function()
    assert.are.equal("Có 0 hồ sơ được nhiều nguồn ghi nhận (mỗi hồ sơ chỉ tính một lần, theo bản chính), trong đó 0 hồ sơ có thông tin lệch giữa các nguồn.", blocks[2].text)
    assert.are.same({}, blocks[3].rows)
  end)
end)
