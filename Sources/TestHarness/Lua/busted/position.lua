--- Source positions of stack frames, without the debug library.
--
-- `error(message, level)` prefixes its message with "chunk:line:" of the frame at `level`.
-- Raising an empty error at a chosen level and catching it therefore reads the position of
-- any frame on the stack, in any sandbox that keeps `error` and `pcall`. C frames read as "".
-- The harness's own modules mark themselves internal, so failures point at the spec's line
-- (or at the spec helper that called the assertion), never at the harness.
local position = {}

local internal = {}
local MAX_DEPTH = 64

-- The "chunk:line: " prefix of frame `level` as error() counts it from here: 1 is pcall
-- (a C frame, so ""), 2 is `prefix`, 3 the function calling `prefix`, 4 that one's caller.
local function prefix(level)
  local _, text = pcall(error, "", level)
  return text
end

--- Splits a "chunk:line: ..." prefix into the chunk's short source and the line number.
function position.parse(text)
  if type(text) ~= "string" then return nil end
  local file, line = text:match("^([^\n]-):(%d+): ")
  if file then return file, tonumber(line) end
  return nil
end

--- Marks the calling module's chunk as the harness's own (its frames are skipped).
function position.mark_internal()
  local file = position.parse(prefix(4))
  if file then internal[file] = true end
end

--- Whether a short source belongs to the harness.
function position.is_internal(file)
  return internal[file] == true
end

--- The first frame at or above `level` (1 = the caller of `outside`) that runs Lua code
-- outside the harness. Returns the level, the short source and the line, or nil.
function position.outside(level)
  for n = level, level + MAX_DEPTH do
    local file, line = position.parse(prefix(n + 3))
    if file and not internal[file] then return n, file, line end
  end
  return nil
end

--- The line of the first frame at or above `level` (1 = the caller of `line_in`) that runs
-- code of the file `path`, or nil.
function position.line_in(path, level)
  for n = level, level + MAX_DEPTH do
    local file, line = position.parse(prefix(n + 3))
    if file and position.same_file(file, path) then return line end
  end
  return nil
end

--- Whether a short source (as Lua prints it, possibly shortened to ".../tail") names `path`.
function position.same_file(short, path)
  if short == path then return true end
  if short:sub(1, 3) == "..." then
    local tail = short:sub(4)
    return #tail > 0 and path:sub(-#tail) == tail
  end
  return false
end

return position
