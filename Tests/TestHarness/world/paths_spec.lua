-- Fixture files and golden outputs are found next to the spec file.
local fixtures = require("hostrun.fixtures")

describe("files next to the spec", function()
  it("resolves paths from the spec's folder", function()
    assert.are.equal("Tests/TestHarness/world/fixtures/ho-so.csv", fixtures.path("fixtures/ho-so.csv"))
    assert.are.equal("Tests/TestHarness/world", fixtures.path())
  end)

  it("reads a golden file", function()
    local golden = fixtures.read("fixtures/ho-so.csv")
    assert.are.equal("code,received_at,status,finished_at,department", golden:match("^[^\n]+"))
  end)
end)
