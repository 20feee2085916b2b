local tally = require("Tests.TestHarness.coverage.tally")

describe("tally", function()
  it("grades", function()
    assert.are.equal("on time", tally.grade(0))
    assert.are.equal("late", tally.grade(2))
  end)

  it("counts", function()
    assert.are.equal(3, tally.count({ "a", "b", "c" }))
  end)
end)
