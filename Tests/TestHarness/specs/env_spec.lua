-- Where globals live: describe bodies, tests, hooks, insulate and expose.
describe("globals in a describe", function()
  shared_value = "outer"

  it("are seen by its tests", function()
    assert.are.equal("outer", shared_value)
    test_local = "mine"
  end)

  it("set inside a test die with the test", function()
    assert.is_nil(test_local)
  end)

  describe("inner", function()
    shared_value = "inner"
    it("are shadowed by an inner describe", function()
      assert.are.equal("inner", shared_value)
    end)
  end)

  it("are untouched by an inner describe", function()
    assert.are.equal("outer", shared_value)
  end)
end)

describe("globals set in hooks", function()
  before_each(function() from_hook = (from_hook or 0) + 1 end)
  it("belong to the block declaring the hook", function()
    assert.are.equal(1, from_hook)
  end)
  it("persist across its tests", function()
    assert.are.equal(2, from_hook)
  end)
end)

insulate("an insulated block", function()
  _G.insulated_global = "inside"
  package_like = { loaded = true }
  it("sees its own changes to _G", function()
    assert.are.equal("inside", insulated_global)
  end)
end)

describe("after an insulated block", function()
  it("its changes to _G are undone", function()
    assert.is_nil(_G.insulated_global)
    assert.is_nil(insulated_global)
  end)
end)

expose("an exposed block", function()
  _G.exposed_global = "kept"
  it("sees its change", function()
    assert.are.equal("kept", exposed_global)
  end)
end)

describe("after an exposed block", function()
  it("its changes to _G remain", function()
    assert.are.equal("kept", exposed_global)
  end)
end)

describe("#tagged tests", function()
  it("carry tags in their names #fast", function()
    assert.is_true(true)
  end)
  it("can carry several #slow #db", function()
    assert.is_true(true)
  end)
end)
