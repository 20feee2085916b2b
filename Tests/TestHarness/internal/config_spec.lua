-- Options from a .busted file and the command line.
local config = require("busted.config")

describe("config.resolve", function()
  it("gives busted's defaults without a file", function()
    local options = assert(config.resolve(nil, {}))
    assert.are.same({ "spec" }, options.roots)
    assert.are.same({ "_spec" }, options.patterns)
    assert.are.equal("terminal", options.output)
    assert.is_true(options.keep_going)
    assert.is_true(options.auto_insulate)
    assert.is_nil(options.seed)
  end)

  it("reads the default task, then _all, under the command line", function()
    local file = {
      _all = { verbose = true, tags = "db" },
      default = { ROOT = { "Plugins", "Scripts" }, output = "tap", ["exclude-tags"] = "slow,net" },
    }
    local options = assert(config.resolve(file, { output = "junit" }))
    assert.are.same({ "Plugins", "Scripts" }, options.roots)
    assert.are.equal("junit", options.output)
    assert.is_true(options.verbose)
    assert.are.same({ "db" }, options.tags)
    assert.are.same({ "slow", "net" }, options.exclude_tags)
  end)

  it("uses a named task when asked", function()
    local file = { default = { output = "tap" }, ci = { output = "junit", ["output-file"] = "report.xml", seed = "42" } }
    local options = assert(config.resolve(file, {}, "ci"))
    assert.are.equal("junit", options.output)
    assert.are.equal("report.xml", options.output_file)
    assert.are.equal(42, options.seed)
  end)

  it("reads coverage from the file, the command line naming the LCOV file", function()
    local options = assert(config.resolve({ default = { coverage = true } }, { ["coverage-file"] = "out/lcov.info" }))
    assert.is_true(options.coverage)
    assert.are.equal("out/lcov.info", options.coverage_file)
    options = assert(config.resolve(nil, {}))
    assert.is_false(options.coverage)
    assert.are.equal("lcov.info", options.coverage_file)
  end)

  it("explains what is wrong", function()
    assert.are.same({ nil, ".busted file does not return a table." }, { config.resolve("x", {}) })
    assert.are.same({ nil, "Task `nightly` not found, or not a table." }, { config.resolve({}, {}, "nightly") })
    assert.are.same({ nil, "Cannot use --tags and --exclude-tags for the same tags" },
      { config.resolve(nil, { tags = "a,b", ["exclude-tags"] = "b" }) })
    assert.are.same({ nil, "seed must be a number, got 'abc'" }, { config.resolve(nil, { seed = "abc" }) })
    assert.are.same({ nil, "unknown output 'xml' (use terminal, tap, junit or json)" },
      { config.resolve(nil, { output = "xml" }) })
  end)

  it("accepts busted's names of the outputs", function()
    assert.are.equal("tap", config.resolve(nil, { output = "TAP" }).output)
    assert.are.equal("terminal", config.resolve(nil, { output = "utfTerminal" }).output)
  end)
end)
