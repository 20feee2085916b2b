--- Options for a run, from a `.busted` file and the command line, merged as busted does:
-- options given on the command line win over the chosen task (`--run NAME`, else the
-- `default` table), which wins over `_all`, which wins over the defaults.
--
-- A `.busted` file is a Lua chunk returning a table of tasks; the host evaluates it in a
-- sandbox and passes the table here. Keys are busted's long option names ("exclude-tags",
-- "ROOT", ...); the result uses the runner's names (exclude_tags, roots, ...). `coverage`
-- writes LCOV to `coverage-file` (default lcov.info) rather than luacov's stats. Options the
-- harness does not implement (lpath, suppress-pending, repeat) are ignored.
local config = {}

--- Defaults of `hostrun test`, as busted's.
config.defaults = {
  ROOT = { "spec" }, pattern = { "_spec" }, ["exclude-pattern"] = {},
  tags = {}, ["exclude-tags"] = {}, filter = {}, ["filter-out"] = {},
  output = "terminal", verbose = false, list = false, shuffle = false, sort = false,
  lazy = false, ["auto-insulate"] = true, ["keep-going"] = true, recursive = true,
  coverage = false, ["coverage-file"] = "lcov.info",
}

local lists = { ROOT = true, pattern = true, ["exclude-pattern"] = true, filter = true,
  ["filter-out"] = true }
local comma_lists = { tags = true, ["exclude-tags"] = true }

-- Output names as busted spells its handlers, and ours.
local output_names = { terminal = "terminal", plainterminal = "terminal", utfterminal = "terminal",
  tap = "tap", junit = "junit", json = "json" }

local function as_list(value, split)
  if value == nil then return {} end
  local out = {}
  local items = type(value) == "table" and value or { value }
  for _, item in ipairs(items) do
    if split then
      for part in tostring(item):gmatch("[^,]+") do out[#out + 1] = part end
    else
      out[#out + 1] = tostring(item)
    end
  end
  return out
end

local function merge(into, from)
  for key, value in pairs(from) do into[key] = value end
  return into
end

--- Merges and normalises. `file` is the `.busted` table (or nil), `explicit` the options
-- given on the command line (busted's names), `run` the task to use (or nil).
-- Returns the options, or nil and a message.
function config.resolve(file, explicit, run)
  explicit = explicit or {}
  local merged = merge({}, explicit)
  if file ~= nil then
    if type(file) ~= "table" then return nil, ".busted file does not return a table." end
    if run and run ~= "" then
      if type(file[run]) ~= "table" then return nil, "Task `" .. run .. "` not found, or not a table." end
      merged = merge(merge({}, file[run]), merged)
    elseif type(file.default) == "table" then
      merged = merge(merge({}, file.default), merged)
    end
    if type(file._all) == "table" then merged = merge(merge({}, file._all), merged) end
  end
  merged = merge(merge({}, config.defaults), merged)

  for key in pairs(lists) do merged[key] = as_list(merged[key], false) end
  for key in pairs(comma_lists) do merged[key] = as_list(merged[key], true) end
  for _, excluded in ipairs(merged["exclude-tags"]) do
    for _, included in ipairs(merged.tags) do
      if excluded == included then return nil, "Cannot use --tags and --exclude-tags for the same tags" end
    end
  end
  local output = output_names[tostring(merged.output):lower()]
  if not output then
    return nil, "unknown output '" .. tostring(merged.output) .. "' (use terminal, tap, junit or json)"
  end
  if merged.seed ~= nil and tonumber(merged.seed) == nil then
    return nil, "seed must be a number, got '" .. tostring(merged.seed) .. "'"
  end

  return {
    roots = merged.ROOT,
    patterns = merged.pattern,
    exclude_patterns = merged["exclude-pattern"],
    recursive = merged.recursive,
    tags = merged.tags,
    exclude_tags = merged["exclude-tags"],
    filter = merged.filter,
    filter_out = merged["filter-out"],
    output = output,
    output_file = merged["output-file"],
    verbose = merged.verbose,
    list = merged.list,
    shuffle = merged.shuffle or merged["shuffle-tests"] or false,
    sort = merged.sort or merged["sort-tests"] or false,
    seed = tonumber(merged.seed),
    lazy = merged.lazy,
    auto_insulate = merged["auto-insulate"],
    keep_going = merged["keep-going"],
    coverage = merged.coverage == true,
    coverage_file = tostring(merged["coverage-file"]),
  }
end

return config
