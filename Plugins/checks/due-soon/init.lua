-- Hồ sơ sắp đến hạn: open dossiers, clock running, due from today up to `days` working days
-- ahead. A warning, so departments act before the dossier is late; with `critical_days` the
-- closest ones (due today: 0) make it critical.
local M = {}

M.options = {
  days = { type = "integer", default = 2, help = "look this many working days ahead (0: due today only)" },
  critical_days = { type = "integer", help = "critical when a dossier is due within this many working days" },
  department = { type = "strings", help = "only dossiers of these departments" },
  field = { type = "strings", help = "only dossiers of these fields" },
}

local DAY = 86400

local function describe(left, due_at)
  local due = text.format_date(due_at)
  if left == 0 then return "đến hạn hôm nay (" .. due .. ")" end
  return string.format("còn %d ngày làm việc (hạn %s)", left, due)
end

function M.run(options)
  if options.days < 0 then error("option 'days' must be 0 or more", 0) end
  local now, today = clock.now(), clock.today()
  local horizon = calendar.add_working_days(today, options.days)
  local items, nearest = {}, nil
  for d in dossiers.query{ open_on = today, due_after = today - DAY, due_by = horizon,
                           department = options.department, field = options.field,
                           order = "due_at", history = true } do
    local standing = d:standing(now)
    local left = standing.working_days_left
    if standing.state == "running" and left and left >= 0 and left <= options.days then
      items[#items + 1] = { key = d.code, department = d.department, days_left = left,
                            message = describe(left, d.due_at) }
      nearest = math.min(nearest or left, left)
    end
  end

  local status = "ok"
  if #items > 0 then
    status = (options.critical_days and nearest <= options.critical_days) and "critical" or "warning"
  end
  local summary = string.format("Không có hồ sơ đến hạn trong %d ngày làm việc tới", options.days)
  if #items > 0 then
    summary = string.format("%s hồ sơ đến hạn trong %d ngày làm việc tới (đến %s)",
                            text.format_number(#items), options.days, text.format_date(horizon))
  end
  return {
    status = status,
    summary = summary,
    metrics = { due_soon = { value = #items, warn = 0, min = 0 } },
    items = items,
  }
end

return M
