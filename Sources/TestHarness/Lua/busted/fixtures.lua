--- Files next to the running spec: `path`, `read` and `load`, like busted.fixtures.
-- Paths are resolved from the spec file's directory (as the host named the file); reading
-- goes through the host's `read_file(path)`, the only door to the file system.
local position = require("busted.position")
position.mark_internal()
local core = require("busted.core")

local fixtures = {}

local function engine()
  local busted = core.current()
  if not busted or not busted.file_name then
    error("busted.fixtures is only available while a spec file runs", 3)
  end
  return busted
end

local function normalise(path)
  local absolute = path:sub(1, 1) == "/"
  local parts = {}
  for part in path:gmatch("[^/]+") do
    if part == ".." and #parts > 0 and parts[#parts] ~= ".." then
      table.remove(parts)
    elseif part ~= "." then
      parts[#parts + 1] = part
    end
  end
  local joined = table.concat(parts, "/")
  if absolute then return "/" .. joined end
  return joined == "" and "." or joined
end

--- The path of `sub_path` relative to the running spec file's directory.
function fixtures.path(sub_path)
  if sub_path ~= nil and type(sub_path) ~= "string" then
    error("bad argument to 'path' expected a string (relative filename) or nil, got: " .. type(sub_path), 2)
  end
  local dir = engine().file_name:match("^(.*)/[^/]*$") or "."
  if sub_path == nil then return normalise(dir) end
  return normalise(dir .. "/" .. sub_path)
end

--- The contents of a file next to the spec.
function fixtures.read(rel_path)
  if type(rel_path) ~= "string" then
    error("bad argument to 'read' expected a string (relative filename), got: " .. type(rel_path), 2)
  end
  local busted = engine()
  local path = fixtures.path(rel_path)
  local read = busted.host.read_file
  if not read then error("reading '" .. path .. "' needs the host's file access, which this run lacks", 2) end
  local contents, err = read(path)
  if not contents then error(("Error reading file '%s': %s"):format(path, tostring(err)), 2) end
  return contents
end

--- Runs a Lua file next to the spec (".lua" may be left out) and returns its results.
function fixtures.load(rel_path)
  if type(rel_path) ~= "string" then
    error("bad argument to 'load' expected a string (relative filename), got: " .. type(rel_path), 2)
  end
  if not rel_path:match("%.lua$") then rel_path = rel_path .. ".lua" end
  local busted = engine()
  local code = fixtures.read(rel_path)
  local chunk, err = load(code, "@" .. fixtures.path(rel_path), "t", busted.host.globals or _G)
  if not chunk then
    error(("Error loading code from '%s': %s"):format(rel_path, tostring(err)), 2)
  end
  return chunk()
end

return fixtures
