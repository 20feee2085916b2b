-- The fixture connector's own spec: a plugin spec loads its plugin with plugin.load() and
-- imports its fixtures through it.
local plugin = require("hostrun.plugin")
local fixtures = require("hostrun.fixtures")

describe("tiny-csv", function()
  local connector = plugin.load()

  it("turns a row into a canonical record", function()
    local record = connector.record({ code = "A", department = "", status = "processing",
      received_at = "18/05/2026 08:00" }, "row 2")
    assert.are.equal("Văn phòng HĐND và UBND", record.department)
    assert.are.same({ days = 5 }, record.time_limit)
  end)

  it("reads its fixture through the iterator it returns", function()
    local next_record = connector.read(fixtures.path("fixtures/ho-so.csv"), {})
    local codes = {}
    for record in next_record do codes[#codes + 1] = record.code end
    assert.are.same({ "HS-001", "HS-002", "HS-003" }, codes)
  end)

  it("reads only what its manifest grants", function()
    local ok, err = pcall(connector.read, "Tests/TestHarness/world/fixtures/ho-so.csv", {})
    assert.is_false(ok)
    assert.matches("access to Tests/TestHarness/world/fixtures/ho-so.csv is not granted", err, 1, true)
  end)

  it("imports its fixture into the spec's store, found as the plugin holding the spec", function()
    fixtures.load("fixtures/ho-so.csv", { connector = "tiny-csv" })
    assert.are.equal(3, dossiers.count())
  end)

  it("imports through the plugin holding the spec with plugin.import", function()
    fixtures.fresh_store()
    local result = plugin.import("fixtures/ho-so.csv")
    assert.are.same({ 3, 0 }, { result.inserted, result.rejected })
    assert.are.equal("tiny-csv", imports.latest()[1].connector)
    assert.are.equal(3, plugin.import("fixtures/ho-so.csv").unchanged)
    assert.has_error(function() plugin.import("fixtures/ho-so.csv", { connector = "canonical" }) end,
                     "bad argument #2 to 'import' (unknown field 'connector')")
  end)
end)
