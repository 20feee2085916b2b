-- A stand-in for the host modules a check reads (clock, calendar, text, dossiers, feedback,
-- imports), fed from fixture tables, so that a check's own logic (what it selects, its
-- thresholds, messages, status and metrics) can be specified without a store.
--
-- The real modules are exercised end to end by Tests/HostrunTests/CheckCommandTests.swift,
-- against a real store. Here working days are Monday to Friday without holidays, times are
-- integers in the centre's zone (UTC+7) like the host's, and `dossiers.query` applies the
-- filters the bundled checks use, refusing any other so a check cannot rely on one silently.
--
--   local host = require("Plugins.checks.spec-support.fake_host")
--   host.install{ now = "25/05/2026 17:00", dossiers = { { code = "HS-1", ... } } }

local M = {}

local OFFSET = 7 * 3600
local DAY = 86400

-- Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
local function days_from_civil(y, m, d)
  y = m <= 2 and y - 1 or y
  local era = (y >= 0 and y or y - 399) // 400
  local yoe = y - era * 400
  local doy = (153 * (m > 2 and m - 3 or m + 9) + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe - 719468
end

local function civil_from_days(z)
  z = z + 719468
  local era = (z >= 0 and z or z - 146096) // 146097
  local doe = z - era * 146097
  local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
  local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
  local mp = (5 * doy + 2) // 153
  local d = doy - (153 * mp + 2) // 5 + 1
  local m = mp < 10 and mp + 3 or mp - 9
  return yoe + era * 400 + (m <= 2 and 1 or 0), m, d
end

--- "25/05/2026" or "25/05/2026 17:00" (centre time) as a time; integers pass through.
function M.time(value)
  if value == nil or math.type(value) == "integer" then return value end
  local d, m, y, rest = value:match("^(%d+)/(%d+)/(%d+)(.*)$")
  assert(d, "fake_host: cannot read the date '" .. tostring(value) .. "'")
  local hour, minute = rest:match("^%s+(%d+):(%d+)$")
  return days_from_civil(tonumber(y), tonumber(m), tonumber(d)) * DAY - OFFSET
    + (tonumber(hour) or 0) * 3600 + (tonumber(minute) or 0) * 60
end

local function day(t) return (t + OFFSET) // DAY end
local function start_of(d) return d * DAY - OFFSET end
local function is_working(d) return (d + 3) % 7 < 5 end -- 1970-01-01 was a Thursday

-- Working days after day `a` up to and including day `b`; negative when `b` is earlier.
local function working_between(a, b)
  local sign, n = 1, 0
  if b < a then a, b, sign = b, a, -1 end
  for d = a + 1, b do if is_working(d) then n = n + 1 end end
  return sign * n
end

local function add_working(d, n)
  while n > 0 do
    d = d + 1
    if is_working(d) then n = n - 1 end
  end
  return d
end

local calendar = {
  is_working_day = function(t) return is_working(day(M.time(t))) end,
  add_working_days = function(t, n) return start_of(add_working(day(M.time(t)), n)) end,
  working_days_between = function(a, b) return working_between(day(M.time(a)), day(M.time(b))) end,
  -- Limits in working days only, due at 17:00, counted from the next working day (or after a
  -- receipt past the cut-off, from the one after).
  due_date = function(received, limit, opts)
    received = M.time(received)
    local n = type(limit) == "table" and limit.days or limit
    assert(n, "fake_host: calendar.due_date handles limits in days only")
    local counting = day(received)
    if not is_working(counting) then
      repeat counting = counting + 1 until is_working(counting)
    elseif opts and opts.cutoff then
      local h, m = opts.cutoff:match("^(%d+):(%d+)$")
      if (received + OFFSET) % DAY > tonumber(h) * 3600 + tonumber(m) * 60 then counting = add_working(counting, 1) end
    end
    return start_of(add_working(counting, n)) + 17 * 3600
  end,
}

local function two(n) return string.format("%02d", n) end

local text = {
  format_date = function(t, pattern)
    local local_t = M.time(t) + OFFSET
    local y, m, d = civil_from_days(local_t // DAY)
    local result = two(d) .. "/" .. two(m) .. "/" .. y
    if pattern == "dd/MM/yyyy HH:mm" then
      result = result .. " " .. two(local_t % DAY // 3600) .. ":" .. two(local_t % 3600 // 60)
    else
      assert(pattern == nil or pattern == "dd/MM/yyyy", "fake_host: text.format_date pattern " .. tostring(pattern))
    end
    return result
  end,
  format_number = function(n)
    local digits = tostring(math.floor(n))
    return (digits:reverse():gsub("(%d%d%d)", "%1."):reverse():gsub("^%.", ""))
  end,
  parse_date = function(s) return M.time(s) end,
}

local FINISHED = { resolved = true, returned = true, refused = true, withdrawn = true }
local CLOCK_STOPPED = { supplement_requested = true, awaiting_payment = true }

local function as_set(value)
  if value == nil then return nil end
  local set = {}
  for _, v in ipairs(type(value) == "table" and value or { value }) do set[v] = true end
  return set
end

-- A fixture dossier as a `Dossier` object: its times read, `standing` and friends computed
-- against the fake calendar.
local function dossier(fixture, now)
  local d = {}
  for k, v in pairs(fixture) do d[k] = v end
  d.received_at = M.time(fixture.received_at)
  d.due_at = M.time(fixture.due_at)
  d.finished_at = M.time(fixture.finished_at)
  d.source = fixture.source or "motcua"
  d.field = fixture.field or "Hộ tịch"
  d.procedure_code = fixture.procedure_code or "1.001"
  d.channel = fixture.channel or "online"
  d.history = {}
  for i, change in ipairs(fixture.history or {}) do d.history[i] = { status = change.status, at = M.time(change.at) } end
  function d:standing(at)
    at = M.time(at) or now
    local today = day(at)
    local standing = { status = self.status }
    if self.due_at then standing.working_days_left = working_between(today, day(self.due_at)) end
    if FINISHED[self.status] then
      standing.state = "finished"
    elseif CLOCK_STOPPED[self.status] then
      standing.state = "clock_stopped"
    elseif not self.due_at then
      standing.state = "no_time_limit"
    else
      standing.state = today > day(self.due_at) and "overdue" or "running"
    end
    return standing
  end
  function d:working_days_left(at) return self:standing(at).working_days_left end
  return d
end

local QUERY_OPTIONS = { status = true, department = true, field = true, source = true, open_on = true,
                        overdue_on = true, due_after = true, due_by = true, received_from = true, scope = true,
                        order = true, history = true }

local function selects(d, opts)
  local statuses, departments, fields = as_set(opts.status), as_set(opts.department), as_set(opts.field)
  local sources = as_set(opts.source)
  if statuses and not statuses[d.status] then return false end
  if sources and not sources[d.source] then return false end
  if departments and not departments[d.department] then return false end
  if fields and not fields[d.field] then return false end
  if opts.scope ~= "all" and d.primary == false then return false end
  local open_on = opts.overdue_on or opts.open_on
  if open_on then
    local last = day(M.time(open_on))
    if day(d.received_at) > last or (d.finished_at and day(d.finished_at) <= last) then return false end
  end
  if opts.overdue_on and not (d.due_at and day(d.due_at) < day(M.time(opts.overdue_on))) then return false end
  if opts.due_after and not (d.due_at and day(d.due_at) > day(M.time(opts.due_after))) then return false end
  if opts.due_by and not (d.due_at and day(d.due_at) <= day(M.time(opts.due_by))) then return false end
  if opts.received_from and day(d.received_at) < day(M.time(opts.received_from)) then return false end
  return true
end

--- Installs the fake modules as globals. `world` holds `now` (text), `dossiers`, `feedback` and
--- `imports` (fixture arrays). Returns the list of queries made, for specs that look at them.
function M.install(world)
  local now = M.time(world.now)
  local queries = {}
  _G.clock = {
    now = function() return now end,
    today = function() return start_of(day(now)) end,
  }
  _G.calendar = calendar
  _G.text = text
  local function select(opts)
    opts = opts or {}
    for name in pairs(opts) do assert(QUERY_OPTIONS[name], "fake_host: dossiers option " .. name) end
    queries[#queries + 1] = opts
    local selected = {}
    for _, fixture in ipairs(world.dossiers or {}) do
      local d = dossier(fixture, now)
      if selects(d, opts) then selected[#selected + 1] = d end
    end
    return selected
  end
  _G.dossiers = {
    count = function(opts) return #select(opts) end,
    group_by = function(dimension, opts)
      assert(dimension == "source", "fake_host: dossiers.group_by handles source only")
      local counts, groups = {}, {}
      for _, d in ipairs(select(opts)) do counts[d.source] = (counts[d.source] or 0) + 1 end
      for key, count in pairs(counts) do groups[#groups + 1] = { key = key, count = count } end
      table.sort(groups, function(a, b) return a.key < b.key end)
      return groups
    end,
    query = function(opts)
      opts = opts or {}
      local selected = select(opts)
      if opts.order == "key" then
        table.sort(selected, function(a, b) return a.source < b.source or (a.source == b.source and a.code < b.code) end)
      end
      local i = 0
      return function()
        i = i + 1
        return selected[i]
      end
    end,
  }
  _G.feedback = {
    list = function(opts)
      local result = {}
      for _, fixture in ipairs(world.feedback or {}) do
        local open = fixture.status ~= "handled" and fixture.status ~= "rejected"
        if not (opts and opts.open) or open then
          result[#result + 1] = { code = fixture.code, source = fixture.source or "pakn", subject = fixture.subject,
                                  status = fixture.status, received_at = M.time(fixture.received_at),
                                  due_at = M.time(fixture.due_at), handled_at = M.time(fixture.handled_at) }
        end
      end
      return result
    end,
  }
  _G.imports = {
    latest = function()
      local result = {}
      for _, fixture in ipairs(world.imports or {}) do
        result[#result + 1] = { connector = fixture.connector, started_at = M.time(fixture.finished_at),
                                finished_at = M.time(fixture.finished_at), inserted = 0, updated = 0, unchanged = 0,
                                history_appended = 0, batch_id = fixture.connector .. "-1" }
      end
      table.sort(result, function(a, b) return a.connector < b.connector end)
      return result
    end,
  }
  return queries
end

--- The options a check's run receives from the host: its declared defaults, then `given`.
function M.options(check, given)
  local options = {}
  for name, declaration in pairs(check.options or {}) do options[name] = declaration.default end
  for name, value in pairs(given or {}) do
    assert(check.options[name], "fake_host: the check declares no option " .. name)
    options[name] = value
  end
  return options
end

--- The item keys of a result, in order.
function M.keys(result)
  local keys = {}
  for i, item in ipairs(result.items) do keys[i] = item.key end
  return keys
end

return M
