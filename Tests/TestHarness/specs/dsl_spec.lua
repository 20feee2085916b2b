-- The block words and the order hooks run in.
local log = {}
local function note(entry) log[#log + 1] = entry end

describe("hook order", function()
  setup(function() note("setup") end)
  teardown(function() note("teardown") end)
  before_each(function() note("before outer") end)
  after_each(function() note("after outer") end)

  it("runs outer before_each before the test", function()
    assert.are.same({ "setup", "before outer" }, log)
  end)

  describe("nested", function()
    before_each(function() note("before inner") end)
    after_each(function() note("after inner") end)

    it("runs before_each from the outside in", function()
      local n = #log
      assert.are.same({ "before outer", "before inner" }, { log[n - 1], log[n] })
    end)

    it("ran after_each from the inside out after the previous test", function()
      local n = #log
      assert.are.same({ "after inner", "after outer", "before outer", "before inner" },
        { log[n - 3], log[n - 2], log[n - 1], log[n] })
    end)
  end)
end)

describe("after a describe", function()
  it("has run its teardown exactly once", function()
    local count = 0
    for _, entry in ipairs(log) do
      if entry == "teardown" then count = count + 1 end
    end
    assert.are.equal(1, count)
    assert.are.equal("teardown", log[#log])
  end)
end)

describe("lazy and strict setup", function()
  local lazy_runs, strict_runs = 0, 0
  lazy_setup(function() lazy_runs = lazy_runs + 1 end)
  strict_setup(function() strict_runs = strict_runs + 1 end)

  it("runs each once for the block", function()
    assert.are.equal(1, lazy_runs)
    assert.are.equal(1, strict_runs)
  end)

  it("does not run them again", function()
    assert.are.equal(1, lazy_runs)
    assert.are.equal(1, strict_runs)
  end)
end)

describe("lazy_setup of a block without tests", function()
  lazy_setup(function() error("never runs: no test needs it") end)
  describe("empty", function() end)
end)

context("aliases", function()
  spec("spec is it", function() assert.is_true(true) end)
  test("test is it", function() assert.is_true(true) end)
end)

describe("finally", function()
  local cleaned = false
  it("registers a cleanup that runs after the test", function()
    finally(function() cleaned = true end)
    assert.is_false(cleaned)
  end)
  it("ran the cleanup", function()
    assert.is_true(cleaned)
  end)
end)

describe("pending", function()
  pending("is declared without a body")
  it("or ends a running test", function()
    pending("waiting for the store layer")
    error("not reached")
  end)
end)

describe("words unusable inside a test", function()
  it("refuses describe inside it", function()
    assert.has_error(function() describe("x", function() end) end,
      "'describe' not supported inside current context block")
  end)
  it("refuses a hook inside it", function()
    assert.has_error(function() before_each(function() end) end,
      "'before_each' not supported inside current context block")
  end)
end)

describe("require('busted')", function()
  local busted = require("busted")
  local declared_describe, declared_it = describe, it
  it("exposes the DSL and the libraries", function()
    assert.are.equal(declared_describe, busted.describe)
    assert.are.equal(declared_it, busted.it)
    assert.are.equal(assert, busted.assert)
    assert.is_function(busted.subscribe)
    assert.is_function(busted.publish)
  end)
  it("is read-only", function()
    assert.has_error(function() busted.describe = nil end, "Attempt to modify busted")
  end)
end)
