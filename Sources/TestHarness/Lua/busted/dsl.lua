--- The words a spec file is written in, registered on an engine the way busted registers
-- them: describe/context/insulate/expose, it/spec/test, pending, the hooks, and the
-- assertion, spy, stub, mock and match libraries exported as globals.
local position = require("busted.position")
position.mark_internal()
local new_block = require("busted.block")

--- `options.lazy` makes setup/teardown lazy; `options.auto_insulate == false` lets files
-- share globals (only meaningful when several files share one state).
return function(busted, options)
  options = options or {}
  local block = new_block(busted)
  local context = busted.context

  local function file(element)
    if busted.safe_publish("file", { "file", "start" }, element) then
      block.execute("file", element)
    end
    busted.safe_publish("file", { "file", "end" }, element)
  end

  local function describe(element)
    local parent = context.parent(element)
    if busted.safe_publish("describe", { "describe", "start" }, element, parent) then
      block.execute("describe", element)
    end
    busted.safe_publish("describe", { "describe", "end" }, element, parent)
  end

  local function it(element)
    local parent = context.parent(element)
    local finally
    if not block.lazy_setup(parent) then return end -- a lazy_setup failed: skip the test

    element.env = element.env or {}
    block.reject_all(element)
    rawset(element.env, "finally", function(fn) finally = fn end)
    rawset(element.env, "pending", busted.pending)

    local pass, ancestor = block.exec_all("before_each", parent, true)
    if pass then
      local status = busted.status("success")
      if busted.safe_publish("test", { "test", "start" }, element, parent) then
        status:update(busted.safe("it", element.run, element))
        if finally then
          block.reject("pending", element)
          status:update(busted.safe("finally", finally, element))
        end
      else
        status = busted.status("error")
      end
      busted.safe_publish("test", { "test", "end" }, element, parent, tostring(status))
    end
    block.dexec_all("after_each", ancestor, true)
  end

  local function pending(element)
    local parent = context.parent(element)
    local status = "pending"
    if not busted.safe_publish("it", { "test", "start" }, element, parent) then
      status = "error"
    end
    busted.safe_publish("it", { "test", "end" }, element, parent, status)
  end

  busted.register("file", file, { envmode = options.auto_insulate == false and nil or "insulate" })

  busted.register("describe", describe)
  busted.register("insulate", "describe", { envmode = "insulate" })
  busted.register("expose", "describe", { envmode = "expose" })

  busted.register("it", it)
  busted.register("pending", pending, { default_fn = function() end })

  busted.register("before_each", { envmode = "unwrap" })
  busted.register("after_each", { envmode = "unwrap" })
  busted.register("lazy_setup", { envmode = "unwrap" })
  busted.register("lazy_teardown", { envmode = "unwrap" })
  busted.register("strict_setup", { envmode = "unwrap" })
  busted.register("strict_teardown", { envmode = "unwrap" })

  if options.lazy then
    busted.register("setup", "lazy_setup")
    busted.register("teardown", "lazy_teardown")
  else
    busted.register("setup", "strict_setup")
    busted.register("teardown", "strict_teardown")
  end

  busted.register("context", "describe")
  busted.register("spec", "it")
  busted.register("test", "it")

  busted.hide("file")

  local assert = require("luassert")
  require("luassert.state").set_raise(busted.fail)
  busted.export("assert", assert)
  busted.export("spy", require("luassert.spy"))
  busted.export("mock", require("luassert.mock"))
  busted.export("stub", require("luassert.stub"))
  busted.export("match", require("luassert.match"))

  busted.exportApi("publish", busted.publish)
  busted.exportApi("subscribe", busted.subscribe)
  busted.exportApi("unsubscribe", busted.unsubscribe)
  busted.exportApi("fail", busted.fail)
  busted.exportApi("gettime", busted.gettime)
  busted.exportApi("monotime", busted.monotime)
  busted.exportApi("sleep", busted.sleep)
  busted.exportApi("parent", context.parent)
  busted.exportApi("children", context.children)
  busted.exportApi("version", busted.version)

  return block
end
