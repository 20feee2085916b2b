-- The expected/actual difference shown under failed assertions.
local diff = require("luassert.diff")

describe("diff.between", function()
  it("shows changed, added and removed keys of nested tables", function()
    assert.are.equal(table.concat({
      "Difference (- expected, + actual):",
      "  {",
      "-   late = 2,",
      "+   late = 1,",
      "    on_time = 1,",
      "-   procedures = {",
      "-     [1] = \"birth\",",
      "-   },",
      "  }",
    }, "\n"), diff.between({ late = 2, on_time = 1, procedures = { "birth" } }, { late = 1, on_time = 1 }))
  end)

  it("compares multi-line strings line by line", function()
    assert.are.equal("Difference (- expected, + actual):\n  a\n- b\n+ B\n  c",
      diff.between("a\nb\nc", "a\nB\nc"))
  end)

  it("keeps three lines of context around a change", function()
    local expected, actual = {}, {}
    for i = 1, 20 do expected[i], actual[i] = i, i end
    actual[10] = 99
    local text = diff.between(expected, actual)
    assert.are.equal("Difference (- expected, + actual):\n  ...\n    [7] = 7,\n    [8] = 8,\n    [9] = 9,\n" ..
      "-   [10] = 10,\n+   [10] = 99,\n    [11] = 11,\n    [12] = 12,\n    [13] = 13,\n  ...", text)
  end)

  it("says nothing for scalars and single-line strings", function()
    assert.is_nil(diff.between(1, 2))
    assert.is_nil(diff.between("a", "b"))
    assert.is_nil(diff.between({}, 1))
  end)

  it("explains equal-looking different tables", function()
    assert.matches("^Difference: none in contents", diff.between({ 1 }, { 1 }))
  end)

  it("survives cycles and deep nesting", function()
    local a = {}
    a.self = a
    local deep = {}
    local node = deep
    for _ = 1, 30 do node.next = {}; node = node.next end
    assert.matches("<cycle>", table.concat(diff.render(a), "\n"), 1, true)
    assert.matches("{ ... }", table.concat(diff.render(deep), "\n"), 1, true)
  end)
end)
