#!/usr/bin/env lua5.4
--- Development tool: runs the harness with plain lua5.4, the way hostrun will run it.
--
-- Each spec file gets a fresh sandbox-like state: only the base library, string, table,
-- math, utf8, coroutine and os.clock/date/time/difftime, a `load` for text only, and a
-- `require` that finds the harness modules (beside this file, in Lua/) and the project's
-- modules (./?.lua, ./src/?.lua and their init.lua). This tool alone touches files: it finds
-- and reads the specs, hands (name, source) to busted.runner, and renders the records with
-- busted.report in another fresh state, as the host will across states.
--
-- Usage: lua5.4 bootstrap-lua5.4.lua [-o terminal|tap|junit|json] [-p PATTERN]
--          [--filter P] [--filter-out P] [--tags a,b] [--exclude-tags a,b] [--shuffle]
--          [--seed N] [--sort] [--list] [--lazy] [--no-keep-going] [--verbose] [--color]
--          [--trusted] PATH...
-- --trusted gives spec files Lua's whole standard library (package, debug, io,
-- collectgarbage, ...), to compare third-party specs whose subject needs it; the harness
-- itself still gets only what the sandbox grants.
local harness = (arg[0]:match("^(.*)/[^/]*$") or ".") .. "/Lua"

local function read_file(path)
  local handle, err = io.open(path, "rb")
  if not handle then return nil, err end
  local text = handle:read("a")
  handle:close()
  return text
end

local function copy(t)
  local out = {}
  for k, v in pairs(t) do out[k] = v end
  return out
end

local BASE = { "assert", "error", "getmetatable", "ipairs", "next", "pairs", "pcall", "print",
  "rawequal", "rawget", "rawlen", "rawset", "select", "setmetatable", "tonumber", "tostring",
  "type", "xpcall", "_VERSION" }
local SEARCH = { harness .. "/?.lua", harness .. "/?/init.lua", "./?.lua", "./?/init.lua",
  "./src/?.lua", "./src/?/init.lua" }

--- A fresh state as the sandbox will grant it; returns its globals and module cache.
-- With `trusted`, spec files see the full standard library through `spec_globals`.
local function new_state(trusted)
  local env = {}
  for _, name in ipairs(BASE) do env[name] = _G[name] end
  for _, lib in ipairs({ "string", "table", "math", "utf8", "coroutine" }) do env[lib] = copy(_G[lib]) end
  env.os = { clock = os.clock, date = os.date, time = os.time, difftime = os.difftime }
  env._G = env
  env.load = function(chunk, name, _, chunk_env)
    if type(chunk) ~= "string" then return nil, "load: only source text is allowed" end
    return load(chunk, name, "t", chunk_env or env)
  end
  local loaded = {}
  local spec_globals = env
  env.require = function(name)
    if loaded[name] ~= nil then return loaded[name] end
    local tried = {}
    for _, template in ipairs(SEARCH) do
      local path = template:gsub("%?", (name:gsub("%.", "/")))
      local source = read_file(path)
      if source then
        local chunk_env = path:sub(1, #harness) == harness and env or spec_globals
        local chunk, err = load(source, "@" .. path, "t", chunk_env)
        if not chunk then error(err, 2) end
        local value = chunk(name, path)
        if value == nil then value = true end
        loaded[name] = value
        return value
      end
      tried[#tried + 1] = "\n\tno file '" .. path .. "'"
    end
    if trusted then return require(name) end
    error("module '" .. name .. "' not found:" .. table.concat(tried), 2)
  end
  if trusted then
    spec_globals = copy(_G)
    spec_globals.require, spec_globals.load, spec_globals._G = env.require, load, spec_globals
    spec_globals.package = setmetatable({ loaded = loaded }, { __index = package })
  end
  return env, loaded, spec_globals
end

local function split(list, value)
  for item in value:gmatch("[^,]+") do list[#list + 1] = item end
end

local options = { filter = {}, filter_out = {}, tags = {}, exclude_tags = {} }
local render = { output = "terminal" }
local trusted = false
local pattern = "_spec"
local paths = {}
local i = 1
while i <= #arg do
  local a = arg[i]
  local function value()
    local inline = a:match("^%-%-[%w-]+=(.*)$")
    if inline then return inline end
    i = i + 1
    return arg[i]
  end
  local flag = a:match("^(%-%-?[%w-]+)")
  if flag == "-o" or flag == "--output" then render.output = value():lower()
  elseif flag == "-p" or flag == "--pattern" then pattern = value()
  elseif flag == "--filter" then table.insert(options.filter, value())
  elseif flag == "--filter-out" then table.insert(options.filter_out, value())
  elseif flag == "-t" or flag == "--tags" then split(options.tags, value())
  elseif flag == "--exclude-tags" then split(options.exclude_tags, value())
  elseif flag == "--seed" then options.seed = tonumber(value())
  elseif a == "--shuffle" then options.shuffle = true
  elseif a == "--sort" then options.sort = true
  elseif a == "--list" or a == "-l" then options.list = true; render.output = "list"
  elseif a == "--lazy" then options.lazy = true
  elseif a == "--no-keep-going" then options.keep_going = false
  elseif a == "--verbose" or a == "-v" then render.verbose = true
  elseif a == "--color" then render.color = true
  elseif a == "--trusted" then trusted = true
  elseif a:sub(1, 1) == "-" then io.stderr:write("unknown option " .. a .. "\n") os.exit(2)
  else paths[#paths + 1] = a end
  i = i + 1
end
if #paths == 0 then paths = { "spec" } end
options.seed = options.seed or os.time()

local roots = {}
for _, path in ipairs(paths) do
  local probe = io.open(path .. "/.", "rb")
  if probe then
    probe:close()
    local files = {}
    local finder = io.popen("find '" .. path:gsub("'", "'\\''") .. "' -type f -name '*.lua'")
    for file in finder:lines() do files[#files + 1] = file end
    finder:close()
    roots[#roots + 1] = { root = path, files = files }
  else
    roots[#roots + 1] = { root = path, file = true }
  end
end

local names = new_state().require("busted.host").select(roots, {
  patterns = { pattern }, exclude_patterns = {}, shuffle = options.shuffle, seed = options.seed })

local records = {}
for _, name in ipairs(names) do
  local env, loaded, spec_globals = new_state(trusted)
  local source, err = read_file(name)
  local serialize = env.require("busted.serialize")
  local record
  if source then
    record = env.require("busted.runner").run_file({ name = name, source = source }, options, {
      globals = spec_globals, loaded = loaded, read_file = read_file,
      traceback = render.verbose and debug.traceback or nil,
    })
  else
    record = { file = name, results = { { kind = "error", status = "error", name = name,
      descriptor = "file", message = "Cannot read " .. name .. ": " .. tostring(err) } } }
  end
  records[#records + 1] = serialize.decode(serialize.encode(record))
end

local report_env = new_state()
local summary = report_env.require("busted.report").render(records, render, print)
os.exit(summary.ok and 0 or 1)
