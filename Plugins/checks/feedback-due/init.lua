-- PAKN sắp đến hạn: feedback (phản ánh, kiến nghị) not yet handled whose answer is due within
-- `days` working days (warning) or already overdue (critical).
local M = {}

M.options = {
  days = { type = "integer", default = 2, help = "look this many working days ahead" },
}

function M.run(options)
  if options.days < 0 then error("option 'days' must be 0 or more", 0) end
  local today = clock.today()
  local items, overdue, soon = {}, 0, 0
  for _, f in ipairs(feedback.list{ open = true }) do
    if f.due_at then
      local left = calendar.working_days_between(today, f.due_at)
      local late = f.due_at < today
      if late or left <= options.days then
        local state
        if late then
          overdue = overdue + 1
          state = left < 0 and string.format("quá hạn %d ngày làm việc", -left) or "quá hạn"
        else
          soon = soon + 1
          state = left == 0 and "đến hạn hôm nay" or string.format("còn %d ngày làm việc", left)
        end
        items[#items + 1] = { key = f.code, days_left = left,
                              message = string.format("%s (hạn %s): %s", state, text.format_date(f.due_at), f.subject) }
      end
    end
  end
  table.sort(items, function(a, b) return a.days_left < b.days_left or (a.days_left == b.days_left and a.key < b.key) end)

  local status = overdue > 0 and "critical" or (soon > 0 and "warning" or "ok")
  local summary = string.format("Không có PAKN quá hạn hay đến hạn trong %d ngày làm việc tới", options.days)
  if #items > 0 then
    summary = string.format("PAKN chưa trả lời: %s quá hạn, %s đến hạn trong %d ngày làm việc tới",
                            text.format_number(overdue), text.format_number(soon), options.days)
  end
  return {
    status = status,
    summary = summary,
    metrics = { overdue = { value = overdue, crit = 0, min = 0 }, due_soon = { value = soon, warn = 0, min = 0 } },
    items = items,
  }
end

return M
