-- The runner, seen from outside: it runs a spec file's text and returns plain records.
-- (Harness-only: Debian's busted has no busted.runner.run_file.)
local runner = require("busted.runner")

-- A global table of its own for an inner run (globals are read raw, so a copy).
local function fresh_globals()
  local globals = {}
  for key, value in pairs(_G) do globals[key] = value end
  return globals
end

local function run(source, options, host)
  host = host or {}
  host.globals = host.globals or fresh_globals()
  return runner.run_file({ name = "inner_spec.lua", source = source }, options or {}, host)
end

local function outcomes(record)
  local list = {}
  for _, result in ipairs(record.results) do list[#list + 1] = result.status .. " " .. result.name end
  return list
end

describe("a spec file's record", function()
  it("lists tests in order with their status", function()
    local record = run([[
      describe("d", function()
        it("passes", function() end)
        it("fails", function() assert.are.equal(1, 2) end)
        it("errors", function() error("boom") end)
        pending("waits")
      end)
    ]])
    assert.are.equal("inner_spec.lua", record.file)
    assert.are.same({ "success d passes", "failure d fails", "error d errors", "pending d waits" },
      outcomes(record))
  end)

  it("gives the file and line of the failing assertion and of the test", function()
    local record = run("describe('d', function()\n  it('t', function()\n\n    assert.is_true(false)\n  end)\nend)\n")
    local result = record.results[1]
    assert.are.equal("failure", result.status)
    assert.are.same({ short_src = "inner_spec.lua", currentline = 2 }, result.trace)
    assert.are.equal(4, result.error_trace.currentline)
    assert.matches("^inner_spec.lua:4: Expected objects to be the same.", result.message)
  end)

  it("carries a diff of tables that are not the same", function()
    local record = run([[it("t", function() assert.are.same({ a = 1, b = { 2 } }, { a = 1, b = { 3 } }) end)]])
    assert.are.equal(table.concat({
      "Difference (- expected, + actual):",
      "  {",
      "    a = 1,",
      "    b = {",
      "-     [1] = 2,",
      "+     [1] = 3,",
      "    },",
      "  }",
    }, "\n"), record.results[1].diff)
  end)

  it("carries no diff for scalars", function()
    local record = run([[it("t", function() assert.are.equal(1, 2) end)]])
    assert.is_nil(record.results[1].diff)
  end)

  it("records errors outside tests under the hook's name", function()
    local record = run([[
      describe("store", function()
        before_each(function() error("cannot open") end)
        it("a", function() end)
        it("b", function() end)
      end)
      describe("broken", function() error("bad body") end)
    ]])
    assert.are.same({ "error store before_each", "error store before_each", "error broken" }, outcomes(record))
    assert.matches("inner_spec.lua:2: cannot open", record.results[1].message, 1, true)
    assert.are.equal("before_each", record.results[1].descriptor)
  end)

  it("turns an assertion failing in setup into an error", function()
    local record = run([[
      describe("d", function()
        setup(function() assert.is_true(false) end)
        it("never", function() end)
      end)
    ]])
    assert.are.same({ "error d setup" }, outcomes(record))
  end)

  it("reports a file that does not compile", function()
    local record = run("describe('x', function(")
    assert.are.same({ "error inner_spec.lua" }, outcomes(record))
    assert.matches("^inner_spec.lua:1: ", record.results[1].message)
  end)

  it("names the spec line when a helper elsewhere fails", function()
    local helper_env = { assert = require("luassert") }
    local helper = load("return function(x)\n  assert.is_true(x)\nend", "@helpers/check.lua", "t", helper_env)()
    local record = run("it('t', function()\n  check(false)\nend)", {}, { inject = { check = helper } })
    local result = record.results[1]
    assert.matches("^helpers/check.lua:2: ", result.message)
    assert.are.equal(2, result.error_trace.spec_line)
  end)

  it("keeps a pending test's message with its position", function()
    local record = run("it('t', function()\n  pending('later')\nend)")
    assert.are.equal("pending", record.results[1].status)
    assert.are.equal("inner_spec.lua:2: later", record.results[1].message)
  end)

  it("stores the traceback the host gives", function()
    local calls = 0
    local record = run([[it("t", function() error("x") end)]], {}, {
      traceback = function() calls = calls + 1 return "stack traceback:\n\tinner_spec.lua:1: in function <inner_spec.lua:1>" end,
    })
    assert.are.equal(1, calls)
    assert.matches("inner_spec.lua:1: in function", record.results[1].error_trace.traceback, 1, true)
  end)
end)

describe("run options", function()
  local source = [[
    describe("dossiers #store", function()
      it("imports #slow", function() end)
      it("counts", function() end)
    end)
    describe("calendar", function()
      it("skips holidays #fast", function() end)
    end)
  ]]

  it("filters by name pattern", function()
    assert.are.same({ "success dossiers #store counts" }, outcomes(run(source, { filter = { "count" } })))
  end)

  it("filters out by name pattern", function()
    assert.are.same({ "success calendar skips holidays #fast" }, outcomes(run(source, { filter_out = { "dossiers" } })))
  end)

  it("selects tags on the full name", function()
    assert.are.same({ "success dossiers #store imports #slow", "success dossiers #store counts" },
      outcomes(run(source, { tags = { "store" } })))
  end)

  it("excludes tags", function()
    assert.are.same({ "success dossiers #store counts", "success calendar skips holidays #fast" },
      outcomes(run(source, { exclude_tags = { "slow" } })))
  end)

  it("lists without running hooks or tests", function()
    local record = run([[
      before_each(function() error("not run when listing") end)
      it("a", function() error("not run either") end)
    ]], { list = true })
    assert.are.same({ "success a" }, outcomes(record))
  end)

  it("shuffles the same way for the same seed", function()
    local many = {}
    for i = 1, 8 do many[#many + 1] = ("it('t%d', function() end)"):format(i) end
    local text = table.concat(many, "\n")
    local first = outcomes(run(text, { shuffle = true, seed = 99 }))
    local again = outcomes(run(text, { shuffle = true, seed = 99 }))
    local plain = outcomes(run(text))
    assert.are.same(first, again)
    assert.are_not.same(plain, first)
    assert.are.equal(99, run(text, { shuffle = true, seed = 99 }).seed)
  end)

  it("stops after the first error without keep_going", function()
    local record = run([[
      it("a", function() error("first") end)
      it("b", function() end)
    ]], { keep_going = false })
    assert.are.same({ "error a" }, outcomes(record))
  end)

  it("makes setup lazy on request", function()
    local record = run([[
      describe("d", function()
        local runs = 0
        setup(function() runs = runs + 1 end)
        describe("no tests here", function() end)
        it("sees one run", function() assert.are.equal(1, runs) end)
      end)
    ]], { lazy = true })
    assert.are.same({ "success d sees one run" }, outcomes(record))
  end)
end)

describe("the host's world", function()
  it("injects extra globals into the spec", function()
    local clock = { now = function() return "25/05/2026 17:00" end }
    local record = run([[it("t", function() assert.are.equal("25/05/2026 17:00", clock.now()) end)]],
      {}, { inject = { clock = clock } })
    assert.are.same({ "success t" }, outcomes(record))
  end)

  it("restores the module cache after an insulated file", function()
    local loaded = { kept = true }
    run([[it("t", function() end)]], {}, { loaded = loaded })
    assert.are.same({ kept = true }, loaded)
    local cache = {}
    run([[
      describe("d", function()
        it("t", function() end)
      end)
    ]], {}, { loaded = cache, globals = fresh_globals() })
    assert.are.same({}, cache)
  end)

  it("resolves fixtures next to the spec and reads them through the host", function()
    local asked
    local record = runner.run_file({ name = "specs/reports/monthly_spec.lua", source = [[
      local fixtures = require("busted.fixtures")
      it("t", function()
        assert.are.equal("specs/reports/golden/may.txt", fixtures.path("golden/may.txt"))
        assert.are.equal("specs/data.csv", fixtures.path("../data.csv"))
        assert.are.equal("contents", fixtures.read("golden/may.txt"))
      end)
    ]] }, {}, { globals = fresh_globals(),
      read_file = function(path) asked = path return "contents" end })
    assert.are.same({ "success t" }, outcomes(record))
    assert.are.equal("specs/reports/golden/may.txt", asked)
  end)

  it("puts back the enclosing run's engine", function()
    local before = require("busted").it
    run([[it("t", function() end)]])
    assert.are.equal(before, require("busted").it)
  end)
end)

describe("choosing spec files", function()
  local host = require("busted.host")
  local defaults = { patterns = { "_spec" }, exclude_patterns = {} }

  it("keeps matching base names, sorted per root, roots in the order given", function()
    local chosen = host.select({
      { root = "spec", files = { "spec/b_spec.lua", "spec/helper.lua", "spec/a_spec.lua", "spec/.hidden/c_spec.lua" } },
      { root = "other_spec.lua", file = true },
      { root = "Plugins", files = { "Plugins/x/spec/z_spec.lua", "Plugins/a_spec.lua" } },
    }, defaults)
    assert.are.same({ "spec/a_spec.lua", "spec/b_spec.lua", "other_spec.lua", "Plugins/a_spec.lua",
      "Plugins/x/spec/z_spec.lua" }, chosen)
  end)

  it("drops files matching an exclude pattern", function()
    local chosen = host.select({ { root = "spec", files = { "spec/a_spec.lua", "spec/slow_spec.lua" } } },
      { patterns = { "_spec" }, exclude_patterns = { "^slow" } })
    assert.are.same({ "spec/a_spec.lua" }, chosen)
  end)

  it("shuffles the same way for the same seed", function()
    local roots = { { root = "s", files = { "s/a_spec.lua", "s/b_spec.lua", "s/c_spec.lua", "s/d_spec.lua" } } }
    local options = { patterns = { "_spec" }, exclude_patterns = {}, shuffle = true, seed = 5 }
    assert.are.same(host.select(roots, options), host.select(roots, options))
    assert.are.same({ "s/a_spec.lua", "s/b_spec.lua", "s/c_spec.lua", "s/d_spec.lua" }, host.select(roots, defaults))
  end)
end)
