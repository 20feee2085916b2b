-- luassert's assertions, modifier chains, messages and extension points.
local say = require("say")

-- The message of a failed assertion, without its "file:line: " prefix.
local function failure_of(fn)
  local ok, err = pcall(fn)
  assert.is_false(ok)
  return (tostring(err):gsub("^.-:%d+: ", "", 1))
end

describe("equality", function()
  it("equals compares with ==", function()
    assert.are.equal(1, 1)
    assert.are.equals("a", "a")
    assert.are_not.equal({}, {})
    assert.is_not.equal(1, 2)
  end)

  it("same compares tables deeply", function()
    assert.are.same({ a = { 1, 2 }, b = "x" }, { b = "x", a = { 1, 2 } })
    assert.are_not.same({ 1 }, { 1, 2 })
    assert.is.same(3, 3)
  end)

  it("same follows cycles", function()
    local a, b = {}, {}
    a.self, b.self = a, b
    assert.are.same(a, b)
  end)

  it("reports actual then expected", function()
    assert.are.equal("Expected objects to be equal.\nPassed in:\n(number) 2\nExpected:\n(number) 1",
      failure_of(function() assert.are.equal(1, 2) end))
  end)

  it("marks the path to the first difference of tables", function()
    local message = failure_of(function() assert.are.same({ a = { b = 1 } }, { a = { b = 2 } }) end)
    assert.matches("Expected objects to be the same.", message, 1, true)
    assert.matches(" *[a] = {\n   *[b] = 2 } }", message, 1, true)
  end)

  it("prints floats that look whole with .0", function()
    assert.matches("(number) 1.0", failure_of(function() assert.are.equal(1, 1.0 + 1e-9) end), 1, true)
  end)
end)

describe("truth", function()
  it("is_true and is_false want the booleans", function()
    assert.is_true(true)
    assert.is_false(false)
    assert.is_not_true(1)
    assert.is_not_false(nil)
  end)

  it("truthy and falsy follow Lua's truth", function()
    assert.is_truthy(0)
    assert.is_truthy("")
    assert.is_falsy(nil)
    assert.is_falsy(false)
    assert.is_not_truthy(nil)
    assert.is_not_falsy(0)
  end)

  it("plain assert works as Lua's and returns its arguments", function()
    local a, b = assert(1, "message")
    assert.are.equal(1, a)
    assert.are.equal("message", b)
    assert.are.equal("custom", failure_of(function() assert(false, "custom") end))
  end)
end)

describe("types", function()
  it("checks every Lua type", function()
    assert.is_string("s")
    assert.is_number(1)
    assert.is_table({})
    assert.is_function(print)
    assert.is_boolean(false)
    assert.is_nil(nil)
    assert.is_thread(coroutine.create(function() end))
    assert.is_not_string(1)
    assert.is_not_nil(false)
  end)

  it("names the expected type in the message", function()
    assert.are.equal("Expected objects to be the same.\nPassed in:\n(number) 1\nExpected:\ntype string",
      failure_of(function() assert.is_string(1) end))
  end)
end)

describe("errors", function()
  it("has_error catches any error", function()
    assert.has_error(function() error("boom") end)
    assert.has_no.errors(function() end)
    assert.has.errors(function() error({}) end)
  end)

  it("compares the message without its position", function()
    assert.has_error(function() error("boom") end, "boom")
    assert.error(function() error({ code = 7 }) end, { code = 7 })
  end)

  it("error_matches uses a pattern and returns the captures", function()
    local code = assert.has_error_matches(function() error("code 42 refused") end, "code (%d+)")
    assert.are.equal("42", code)
    assert.error_matches(function() error("a.b") end, "a.b", nil, true)
  end)

  it("explains a missing error", function()
    assert.are.equal("Expected a different error.\nCaught:\n(no error)\nExpected:\n(error)",
      failure_of(function() assert.has_error(function() end) end))
  end)
end)

describe("strings and numbers", function()
  it("matches uses Lua patterns and returns the captures", function()
    local year = assert.matches("(%d%d%d%d)", "25/05/2026")
    assert.are.equal("2026", year)
    assert.does_not.match("^%d+$", "12a")
    assert.matches("a.b", "a.b", 1, true)
  end)

  it("near allows a tolerance", function()
    assert.is.near(1.0, 1.05, 0.1)
    assert.is_not.near(1.0, 1.5, 0.1)
  end)

  it("unique finds duplicates, deeply on request", function()
    assert.is.unique({ 1, 2, 3 })
    assert.is_not.unique({ 1, 2, 1 })
    assert.is_not.unique({ { 1 }, { 1 } }, true)
    assert.is.unique({ { 1 }, { 1 } })
  end)

  it("returned_arguments counts the values", function()
    assert.returned_arguments(2, 1, 2)
    assert.is_not.returned_arguments(1, 1, 2)
  end)
end)

describe("arrays", function()
  it("finds holes", function()
    assert.array({ 1, 2, 3 }).has.no.holes()
    local hole = assert.array({ 1, nil, 3 }).has.holes()
    assert.are.equal(2, hole)
    assert.array({ 1, 2 }).has.holes(3)
  end)
end)

describe("messages", function()
  it("message() puts a custom line before the assertion's", function()
    assert.are.equal("dossier 12\nExpected to be truthy, but value was:\n(nil)",
      failure_of(function() assert.message("dossier 12").is_truthy(nil) end))
  end)

  it("a trailing argument is the message", function()
    assert.matches("^dossier late\n",
      failure_of(function() assert.are.equal(1, 2, "dossier late") end))
  end)
end)

describe("custom assertions", function()
  local function has_property(state, arguments)
    local property, t = arguments[1], arguments[2]
    return type(t) == "table" and t[property] ~= nil
  end
  say:set("assertion.has_property.positive", "Expected property %s in:\n%s")
  say:set("assertion.has_property.negative", "Expected property %s not to be in:\n%s")
  assert:register("assertion", "has_property", has_property,
    "assertion.has_property.positive", "assertion.has_property.negative")

  it("work with every modifier", function()
    assert.has_property("name", { name = "x" })
    assert.no.has_property("age", { name = "x" })
    assert.is_not.has_property("age", { name = "x" })
  end)

  it("fail with their registered message", function()
    assert.matches("^Expected property %(string%) 'age' in:",
      failure_of(function() assert.has_property("age", {}) end))
  end)

  it("can be unregistered", function()
    assert:unregister("assertion", "has_property")
    assert.has_error(function() assert.has_property("a", {}) end)
  end)

  it("unknown words fail loudly", function()
    assert.matches("luassert: unknown modifier/assertion: 'is_bogus'",
      failure_of(function() assert.is.bogus(1) end), 1, true)
  end)
end)

describe("formatters and parameters", function()
  it("add_formatter changes how values print", function()
    local function upper(value)
      if type(value) == "string" then return "<" .. value:upper() .. ">" end
    end
    assert:add_formatter(upper)
    local message = failure_of(function() assert.are.equal("a", "b") end)
    assert:remove_formatter(upper)
    assert.matches("<B>", message, 1, true)
  end)

  it("TableFormatLevel limits nesting in messages", function()
    local snapshot = assert:snapshot()
    assert:set_parameter("TableFormatLevel", 0)
    local message = failure_of(function() assert.are.same({ a = { b = 1 } }, { a = 1 }) end)
    snapshot:revert()
    assert.matches("{ ... more }", message, 1, true)
    assert.are.equal(3, assert:get_parameter("TableFormatLevel"))
  end)
end)
