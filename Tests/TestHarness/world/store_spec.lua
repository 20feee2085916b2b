-- A spec file's store: empty at first, filled from fixture files through a connector plugin
-- (the same validated path as `hostrun import`), fresh per test on request.
local fixtures = require("hostrun.fixtures")

describe("the store of a spec file", function()
  it("starts empty", function()
    assert.are.equal(0, dossiers.count())
  end)

  it("loads a fixture file through a connector", function()
    local result = fixtures.load("fixtures/ho-so.csv", { connector = "tiny-csv" })
    assert.are.same({ inserted = 3, updated = 0, unchanged = 0, rejected = 0, rejections = {} }, result)
    assert.are.equal(3, dossiers.count())
    assert.are.equal("Phòng Tư pháp", dossiers.get("HS-002").department)
  end)

  it("keeps what earlier tests loaded until asked for a fresh store", function()
    assert.are.equal(3, dossiers.count())
    fixtures.fresh_store()
    assert.are.equal(0, dossiers.count())
  end)

  it("gives the connector its options", function()
    fixtures.load("fixtures/ho-so.csv", { connector = "tiny-csv", options = { prefix = "X-" } })
    assert.is_not_nil(dossiers.get("X-HS-001"))
    assert.is_nil(dossiers.get("HS-001"))
  end)

  it("reports the records the domain rejects, naming row and field", function()
    fixtures.fresh_store()
    local result = fixtures.load("fixtures/bad.csv", { connector = "tiny-csv" })
    assert.are.equal(1, result.inserted)
    assert.are.equal(2, result.rejected)
    assert.are.equal("Tests/TestHarness/world/fixtures/bad.csv row 3", result.rejections[1].origin)
    assert.are.equal("status", result.rejections[1].field)
    assert.are.equal(1, dossiers.count())
  end)

  it("writes nothing from a strict import with a rejected record", function()
    fixtures.fresh_store()
    assert.has_error(function()
      fixtures.load("fixtures/bad.csv", { connector = "tiny-csv", strict = true })
    end)
    assert.are.equal(0, dossiers.count())
  end)

  it("names a missing fixture file and an unknown connector", function()
    local ok, err = pcall(fixtures.load, "fixtures/none.csv", { connector = "tiny-csv" })
    assert.is_false(ok)
    assert.matches("no fixture file Tests/TestHarness/world/fixtures/none.csv", err, 1, true)
    ok, err = pcall(fixtures.load, "fixtures/ho-so.csv", { connector = "nope" })
    assert.is_false(ok)
    assert.matches("no connector plugin named 'nope'", err, 1, true)
  end)

  it("hands the connector plain options only", function()
    local ok, err = pcall(fixtures.load, "fixtures/ho-so.csv", { connector = "tiny-csv", options = { f = print } })
    assert.is_false(ok)
    assert.matches("connector options must be plain values", err, 1, true)
  end)

  it("rejects unknown load options", function()
    assert.has_error(function() fixtures.load("fixtures/ho-so.csv", { conector = "tiny-csv" }) end,
      "bad argument #2 to 'load' (unknown field 'conector')")
  end)
end)

describe("a fresh store for every test", function()
  before_each(fixtures.fresh_store)

  it("loads the fixture", function()
    fixtures.load("fixtures/ho-so.csv", { connector = "tiny-csv" })
    assert.are.equal(3, dossiers.count())
  end)

  it("does not see what the previous test loaded", function()
    assert.are.equal(0, dossiers.count())
  end)
end)

describe("demo data", function()
  before_each(fixtures.fresh_store)

  it("writes a generated ward, the same for the same seed", function()
    local result = fixtures.demo{ dossiers = 120, seed = 7 }
    assert.are.equal(120, result.dossiers)
    assert.are.equal(120, dossiers.count())
    local first = {}
    for d in dossiers.query{ limit = 5 } do first[#first + 1] = d.code end
    fixtures.fresh_store()
    fixtures.demo{ dossiers = 120, seed = 7 }
    local again = {}
    for d in dossiers.query{ limit = 5 } do again[#again + 1] = d.code end
    assert.are.same(first, again)
  end)

  it("writes the seed report's records", function()
    local result = fixtures.seed_scenario()
    assert.are.equal(result.dossiers, dossiers.count{ scope = "all" })
    assert.is_true(result.feedback > 0)
    assert.are.equal("25/05/2026 23:59", text.format_date(result.as_of, "dd/MM/yyyy HH:mm"))
  end)
end)
