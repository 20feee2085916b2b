--- The entry points hostrun's `test` command calls, each in a fresh sandboxed state:
-- `resolve` (options from a .busted file and the command line), `select` (which files are
-- spec files, in which order), `run_file` (one spec file, returning its record as text) and
-- `render` (the report of all records). The host reaches files only through Swift; the
-- sandbox's `fs` module (when granted) lets specs read fixtures, and the `hostrun_harness`
-- module gives tracebacks.
local config = require("busted.config")
local runner = require("busted.runner")
local report = require("busted.report")
local serialize = require("busted.serialize")

local host = {}

local function host_module(name)
  local value = rawget(_G, name)
  if type(value) == "table" then return value end
  return nil
end

--- Options for the run: the `.busted` file's text (or nil) evaluated here, merged with the
-- command line's `explicit` options (busted's names) and the task `run`.
function host.resolve(busted_source, busted_name, explicit, run)
  local file
  if busted_source then
    local chunk, err = load(busted_source, "@" .. busted_name, "t")
    if not chunk then error("failed loading config file `" .. busted_name .. "`: " .. err, 0) end
    file = chunk()
  end
  local options, err = config.resolve(file, explicit, run)
  if not options then error(err, 0) end
  return options
end

--- The spec files among `roots` ({ { root = "spec", files = { "spec/a_spec.lua", ... } },
-- or { root = "x_spec.lua", file = true } }), as busted picks them: a file given by name
-- always; in a folder, files whose base name matches a pattern and no exclude pattern and
-- with no hidden folder below the root; sorted per root, then shuffled if asked.
function host.select(roots, options)
  local chosen = {}
  for _, entry in ipairs(roots) do
    if entry.file then
      chosen[#chosen + 1] = entry.root
    else
      local found = {}
      for _, name in ipairs(entry.files) do
        local base = name:match("[^/]*$")
        local keep = #options.patterns == 0
        for _, pattern in ipairs(options.patterns) do
          if base:find(pattern) then keep = true break end
        end
        for _, pattern in ipairs(options.exclude_patterns) do
          if pattern ~= "" and base:find(pattern) then keep = false break end
        end
        if keep and not name:find("/%.%w+.%w+", #entry.root) then found[#found + 1] = name end
      end
      table.sort(found)
      table.move(found, 1, #found, #chosen + 1, chosen)
    end
  end
  return runner.order_files(chosen, options)
end

--- Runs one spec file; returns its record as text for `render`.
function host.run_file(name, source, options)
  local harness = host_module("hostrun_harness")
  local fs = host_module("fs")
  local record = runner.run_file({ name = name, source = source }, options, {
    globals = _G,
    traceback = options.verbose and harness and harness.traceback or nil,
    read_file = fs and fs.read_file or nil,
  })
  return serialize.encode(record)
end

--- Prints the report of the records, in order; returns the summary. Each record is a text
-- from `run_file`, or { file = name, error = message } for a file whose state failed (it
-- could not be read, or it broke a limit): that counts as an error of the file.
function host.render(records, options)
  local decoded = {}
  for i, entry in ipairs(records) do
    if type(entry) == "table" then
      decoded[i] = { file = entry.file, results = { { kind = "error", status = "error",
        name = entry.file, descriptor = "file", message = entry.error } } }
    else
      decoded[i] = serialize.decode(entry)
    end
  end
  return report.render(decoded, options, print)
end

return host
