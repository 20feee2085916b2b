-- Hồ sơ không tiến triển: open dossiers whose status has not changed for `days` working days,
-- however far their deadline is: a file forgotten in a drawer shows here before it is late.
local M = {}

M.options = {
  days = { type = "integer", default = 10, help = "working days without a status change before a dossier is reported" },
  status = { type = "strings", default = { "received", "processing" },
             help = "the statuses that count as in progress (the clock-stopped ones have their own checks)" },
  department = { type = "strings", help = "only dossiers of these departments" },
  field = { type = "strings", help = "only dossiers of these fields" },
}

local STATUS_NAMES = { received = "đã tiếp nhận", processing = "đang xử lý",
                       supplement_requested = "chờ bổ sung", awaiting_payment = "chờ thanh toán" }

local function last_change(d)
  local history = d.history
  return #history > 0 and history[#history].at or d.received_at
end

function M.run(options)
  if options.days < 1 then error("option 'days' must be 1 or more", 0) end
  local now, today = clock.now(), clock.today()
  local items, longest = {}, 0
  for d in dossiers.query{ status = options.status, open_on = today, department = options.department,
                           field = options.field, order = "received_at", history = true } do
    local since = last_change(d)
    local idle = calendar.working_days_between(since, today)
    if idle >= options.days then
      items[#items + 1] = {
        key = d.code, department = d.department, days_left = d:working_days_left(now),
        message = string.format("%s, không đổi trạng thái %d ngày làm việc (từ %s)",
                                STATUS_NAMES[d.status] or d.status, idle, text.format_date(since)),
      }
      longest = math.max(longest, idle)
    end
  end
  local summary = string.format("Không có hồ sơ đứng yên quá %d ngày làm việc", options.days)
  if #items > 0 then
    summary = string.format("%s hồ sơ không đổi trạng thái từ %d ngày làm việc trở lên",
                            text.format_number(#items), options.days)
  end
  return {
    status = #items > 0 and "warning" or "ok",
    summary = summary,
    metrics = { stalled = { value = #items, warn = 0, min = 0 }, longest_idle = { value = longest, min = 0 } },
    items = items,
  }
end

return M
