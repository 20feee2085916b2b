local fixtures = require("hostrun.fixtures")
local plugin = require("hostrun.plugin")

-- The faulty records this rule finds are those the import path refuses (they reach a store
-- through an older import or a shared database), so a spec cannot write them: the warning is
-- specified end to end in Tests/HostrunTests/CheckCommandTests.swift. Here: what the rule
-- lets through, and that the import path does refuse them.
describe("finished-without-result-date", function()
  before_each(fixtures.fresh_store)

  it("is a validation rule", function()
    assert.is_true(plugin.load().validation)
  end)

  it("is OK when every finished dossier of every source has its result date", function()
    fixtures.dossiers{
      { code = "HS-1", status = "resolved", received_at = "04/05/2026", due_at = "08/05/2026", finished_at = "07/05/2026" },
      { code = "HS-1", source = "dvcqg", status = "refused", received_at = "04/05/2026", due_at = "08/05/2026",
        finished_at = "06/05/2026" },
      { code = "HS-2", status = "processing", received_at = "05/05/2026", due_at = "11/05/2026" },
    }
    local result = plugin.check()
    assert.are.equal("OK - Mọi hồ sơ đã kết thúc đều có ngày trả kết quả | 'faulty'=0;0;;0\n", result.output)
  end)

  it("has nothing to find in what the import path writes: it refuses such records", function()
    local written = fixtures.dossiers{ { code = "HS-1", status = "returned", received_at = "04/05/2026", due_at = "08/05/2026" } }
    assert.are.equal(1, written.rejected)
    assert.are.equal("finished_at", written.rejections[1].field)
    assert.are.equal("ok", plugin.check().status)
  end)
end)
