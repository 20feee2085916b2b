-- Yêu cầu bổ sung quá lâu: dossiers returned to the applicant for missing documents whose
-- supplement has not arrived `days` working days after the request. The deadline clock is
-- stopped meanwhile, so nothing else would ever flag them.
local M = {}

M.options = {
  days = { type = "integer", default = 10, help = "working days since the request before a dossier is reported" },
  department = { type = "strings", help = "only dossiers of these departments" },
  field = { type = "strings", help = "only dossiers of these fields" },
}

-- When the current supplement request was made: the last entry moving to it.
local function requested_at(d)
  local history = d.history
  for i = #history, 1, -1 do
    if history[i].status == "supplement_requested" then return history[i].at end
  end
  return d.received_at
end

function M.run(options)
  if options.days < 1 then error("option 'days' must be 1 or more", 0) end
  local today = clock.today()
  local items, longest = {}, 0
  for d in dossiers.query{ status = "supplement_requested", department = options.department,
                           field = options.field, order = "received_at", history = true } do
    local since = requested_at(d)
    local waited = calendar.working_days_between(since, today)
    if waited >= options.days then
      items[#items + 1] = { key = d.code, department = d.department,
                            message = string.format("chờ bổ sung %d ngày làm việc (yêu cầu ngày %s)",
                                                    waited, text.format_date(since)) }
      longest = math.max(longest, waited)
    end
  end
  local summary = string.format("Không có yêu cầu bổ sung chờ quá %d ngày làm việc", options.days)
  if #items > 0 then
    summary = string.format("%s hồ sơ chờ bổ sung từ %d ngày làm việc trở lên",
                            text.format_number(#items), options.days)
  end
  return {
    status = #items > 0 and "warning" or "ok",
    summary = summary,
    metrics = { stale = { value = #items, warn = 0, min = 0 }, longest_wait = { value = longest, min = 0 } },
    items = items,
  }
end

return M
