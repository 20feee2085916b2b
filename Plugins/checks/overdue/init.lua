-- Hồ sơ quá hạn: dossiers still open, their clock running, whose due date is before today.
-- Critical as soon as there is one (the `critical` option raises that bar); each dossier is an
-- item with its department and the working days it is over, so alerts name who holds it.
local M = {}

M.options = {
  department = { type = "strings", help = "only dossiers of these departments (phòng chuyên môn)" },
  field = { type = "strings", help = "only dossiers of these fields (lĩnh vực)" },
  warning = { type = "integer", help = "warning from this many overdue dossiers (default: never)" },
  critical = { type = "integer", default = 1, help = "critical from this many overdue dossiers" },
}

local function describe(standing, due_at)
  local over = -standing.working_days_left
  local due = text.format_date(due_at)
  -- Over a weekend a dossier is late by calendar days but not yet by a working day.
  if over < 1 then return "quá hạn từ ngày " .. due end
  return string.format("quá hạn %d ngày làm việc (hạn %s)", over, due)
end

function M.run(options)
  if options.critical < 1 then error("option 'critical' must be 1 or more", 0) end
  local now, today = clock.now(), clock.today()
  local items, per_department, worst = {}, {}, 0
  for d in dossiers.query{ overdue_on = today, department = options.department, field = options.field,
                           order = "due_at", history = true } do
    local standing = d:standing(now)
    -- overdue_on also selects dossiers waiting on the applicant, whose clock is stopped.
    if standing.state == "overdue" then
      items[#items + 1] = { key = d.code, department = d.department,
                            days_left = standing.working_days_left, message = describe(standing, d.due_at) }
      per_department[d.department] = (per_department[d.department] or 0) + 1
      worst = math.max(worst, -standing.working_days_left)
    end
  end

  local count = #items
  local status = "ok"
  if count >= options.critical then
    status = "critical"
  elseif options.warning and count >= options.warning then
    status = "warning"
  end

  local summary = "Không có hồ sơ quá hạn"
  if count > 0 then
    local departments = {}
    for name, n in pairs(per_department) do departments[#departments + 1] = { name = name, n = n } end
    table.sort(departments, function(a, b) return a.n > b.n or (a.n == b.n and a.name < b.name) end)
    local parts = {}
    for _, entry in ipairs(departments) do parts[#parts + 1] = entry.name .. " " .. text.format_number(entry.n) end
    summary = text.format_number(count) .. " hồ sơ quá hạn: " .. table.concat(parts, ", ")
  end

  return {
    status = status,
    summary = summary,
    metrics = {
      overdue = { value = count, warn = options.warning and options.warning - 1, crit = options.critical - 1, min = 0 },
      max_days_over = { value = worst, min = 0 },
    },
    items = items,
  }
end

return M
