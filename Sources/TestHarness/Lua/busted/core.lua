--- The engine of one busted run: the block registry, the environment, safe execution.
--
-- It never prints. Running a block publishes what happened on the mediator
-- ({"test", "start"}, {"failure", "it"}, {"error", "before_each"}, ...); the recorder and
-- the reporters subscribe. Errors are classified as busted does: a failure object comes from
-- an assertion, a pending object from `pending()`, anything else is an error.
local position = require("busted.position")
position.mark_internal()
local new_mediator = require("busted.mediator")
local new_context = require("busted.context")
local new_environment = require("busted.environment")
local new_status = require("busted.status")
local pretty = require("busted.pretty")

local failure_mt = { __tostring = function(e) return tostring(e.message) end }
local failure_plain_mt = {}
local pending_mt = { __tostring = function(p) return tostring(p.message) end }

local function has_tostring(value)
  if type(value) == "string" then return true end
  local mt = getmetatable(value)
  return type(mt) == "table" and mt.__tostring ~= nil
end

local function is_callable(value)
  if type(value) == "function" then return true end
  local mt = getmetatable(value)
  return type(mt) == "table" and mt.__call ~= nil
end

local function error_kind(err)
  local mt = getmetatable(err)
  if mt == failure_mt or mt == failure_plain_mt then return "failure" end
  if mt == pending_mt then return "pending" end
  return "error"
end

-- Keeps the frames between the error and the harness, drops C frames and harness frames.
local function clean_traceback(text)
  local kept, seen_user = {}, false
  for line in tostring(text):gmatch("[^\n]+") do
    local file = line:match("^%s+([^\n]-):%d+:")
    if line:match("^stack traceback") then
      kept[#kept + 1] = line
    elseif line:match("^%s+%[C%]") or line:match("^%s+%(%.%.%.tail calls") then
      -- C frames and elided tail calls carry no spec position.
    elseif file and position.is_internal(file) then
      if seen_user then break end
    else
      seen_user = true
      kept[#kept + 1] = line
    end
  end
  return table.concat(kept, "\n")
end

local core = {}
local current

--- The instance that `require("busted")` exposes in this state.
function core.current()
  return current
end

--- Makes `busted` (or nil) the instance `require("busted")` exposes; returns the previous.
function core.set_current(busted)
  local previous = current
  current = busted
  return previous
end

--- Creates the engine. `host` may give `globals` (the table spec files fall back to),
-- `loaded` (module cache that `insulate` restores), `traceback(message, level)`,
-- `clock()` (seconds, for durations), `time()` (wall clock) and `sleep(seconds)`.
function core.new(host)
  host = host or {}
  local globals = host.globals or _G
  local busted = { version = "2.1.1", api = {}, executors = {}, host = host }
  local mediator = new_mediator()
  local context = new_context({ globals = globals, loaded = host.loaded })
  local environment = new_environment(context, globals)
  local executors, attributes_of, attached = {}, {}, {}

  busted.context = context
  busted.environment = environment
  busted.status = new_status
  busted.monotime = host.clock or os.clock
  busted.gettime = host.time or os.time
  busted.sleep = host.sleep
  busted.skipAll = false

  --- Where the code `level` frames up (1 = caller of trace_at) outside the harness runs.
  local function trace_at(level)
    local _, file, line = position.outside(level + 1)
    if not file then return nil end
    return { short_src = file, currentline = line }
  end

  --- The message busted shows: text of the error, prefixed with "file:line: " if it has none.
  function busted.rewrite_message(err, trace)
    local text
    if has_tostring(err) then
      text = tostring(err)
    elseif err == nil then
      text = "Nil error"
    else
      text = pretty.write(err)
    end
    if trace and not text:match("^[^\n]-:%d+: .*") then
      text = trace.short_src .. ":" .. trace.currentline .. ": " .. text
    end
    return text
  end

  --- The name of a block inside its enclosing blocks up to the file, joined by spaces.
  function busted.full_name(name, parent)
    local names = { name }
    while parent and (parent.name or parent.descriptor) and parent.descriptor ~= "file" do
      table.insert(names, 1, parent.name or parent.descriptor)
      parent = context.parent(parent)
    end
    return table.concat(names, " ")
  end

  function busted.publish(...) return mediator.publish(...) end
  function busted.subscribe(path, fn, options) return mediator.subscribe(path, fn, options) end
  function busted.unsubscribe(subscriber) return mediator.unsubscribe(subscriber) end

  --- Raises a failure (an assertion's error) positioned `level` frames above the caller.
  -- `detail` (a readable diff) travels with it to the reporters.
  function busted.fail(message, level, detail)
    local raw = (type(level) ~= "number" or level <= 0) and level
    level = level or 1
    local _, text = pcall(error, message, raw or level + 2)
    local failure = setmetatable({ message = text, diff = detail },
      has_tostring(message) and failure_mt or failure_plain_mt)
    error(failure, raw or level + 1)
  end

  --- Ends the running test as pending, with an optional message.
  function busted.pending(message)
    error(setmetatable({ message = message }, pending_mt))
  end

  --- Runs `run` with `element` as the current block; publishes {status, descriptor} on error.
  -- Returns a status object followed by what `run` returned.
  function busted.safe(descriptor, run, element)
    context.push(element)
    local status, trace, message, detail = "success", nil, nil, nil
    local results = table.pack(xpcall(run, function(err)
      status = error_kind(err)
      trace = trace_at(2)
      if trace and busted.file_name and not position.same_file(trace.short_src, busted.file_name) then
        -- Failed in a helper module: also say which line of the spec led there.
        trace.spec_line = position.line_in(busted.file_name, 2)
      end
      if host.traceback then
        trace = trace or {}
        trace.traceback = clean_traceback(host.traceback("", 2))
      end
      message = busted.rewrite_message(err, trace)
      if status == "failure" then detail = err.diff end
    end))
    if not results[1] then
      if status == "success" then
        -- The message handler itself failed (out of memory, stack overflow).
        status = "error"
        message = busted.rewrite_message(results[2], trace)
      elseif status == "failure" and descriptor ~= "it" then
        -- Only a test can fail; an assertion failing in a hook is an error outside the test.
        status = "error"
      end
      busted.publish({ status, element.descriptor }, element, context.parent(element),
        message, trace, detail)
    end
    results[1] = new_status(status)
    context.pop()
    return table.unpack(results, 1, results.n)
  end

  --- Publishes an event inside `safe`, timing elements on start and end.
  function busted.safe_publish(descriptor, path, element, ...)
    local clock = busted.monotime
    if path[2] == "start" then
      element.starttick = clock()
      element.starttime = busted.gettime()
    elseif path[2] == "end" then
      element.endtick = clock()
      element.endtime = busted.gettime()
      element.duration = element.starttick and (element.endtick - element.starttick)
    end
    local args = table.pack(...)
    local status = busted.safe(descriptor, function()
      busted.publish(path, element, table.unpack(args, 1, args.n))
    end, element)
    return status:success()
  end

  --- Makes `value` reachable as `require("busted").key`.
  function busted.exportApi(key, value)
    busted.api[key] = value
  end

  --- Makes `value` reachable from `require("busted")` and as a global of every spec.
  function busted.export(key, value)
    busted.api[key] = value
    local root = context.root()
    root.env = root.env or {}
    root.env[key] = value
  end

  function busted.hide(key)
    busted.api[key] = nil
    local root = context.root()
    if root.env then root.env[key] = nil end
  end

  --- Registers a DSL word. `register(name, executor, attributes)` defines a block kind;
  -- `register(alias, name, attributes)` makes `alias` another spelling of `name`.
  function busted.register(descriptor, executor, attributes)
    local alias
    if type(executor) == "string" then
      alias, descriptor = descriptor, executor
      executor = executors[descriptor]
      attributes = attributes or attributes_of[descriptor]
      executors[alias] = executor
      attributes_of[alias] = attributes
    else
      if executor ~= nil and not is_callable(executor) then
        attributes, executor = executor, nil
      end
      executors[descriptor] = executor
      attributes_of[descriptor] = attributes
    end

    local function publisher(name, fn)
      if not fn and type(name) == "function" then
        fn, name = name, alias
      elseif not fn then
        fn = attributes and attributes.default_fn
      end
      local trace
      if context.parent(context.get()) then trace = trace_at(2) end
      local function publish(f)
        busted.publish({ "register", descriptor }, name, f, trace, attributes)
      end
      if fn then publish(fn) else return publish end
    end

    local word = alias or descriptor
    busted.executors[word] = publisher
    busted.export(word, publisher)

    if not attached[descriptor] then
      attached[descriptor] = true
      busted.subscribe({ "register", descriptor }, function(name, fn, trace, attrs)
        local parent = context.get()
        local element = {
          descriptor = descriptor, attributes = attrs or {}, name = name, run = fn, trace = trace,
        }
        context.attach(element)
        parent[descriptor] = parent[descriptor] or {}
        table.insert(parent[descriptor], element)
      end)
    end
  end

  --- Runs the children of `parent` (default: the current block) through their executors.
  function busted.execute(parent)
    parent = parent or context.get()
    for _, child in ipairs(context.children(parent)) do
      local executor = executors[child.descriptor]
      if executor and not busted.skipAll then
        busted.safe(child.descriptor, function() executor(child) end, child)
      end
    end
  end

  current = busted
  return busted
end

return core
