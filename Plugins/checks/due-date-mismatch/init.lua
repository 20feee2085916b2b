-- Kiểm tra dữ liệu: the due date (ngày hẹn trả) a source system recorded against the one the
-- procedure's time limit gives on the working-day calendar (calendar.due_date). A mismatch
-- usually means the source counted a holiday as a working day, or the wrong limit.
--
-- A dossier whose clock stopped (a supplement request, a payment wait) got a new due date when
-- it restarted: one that differs for that reason is skipped and counted. Procedures with an
-- afternoon cut-off (received after 15:00 counts from the next working day) are named in
-- `cutoffs`.
local M = {}

M.validation = true

M.options = {
  received_from = { type = "string", help = "only dossiers received on or after this day, e.g. 01/01/2026" },
  cutoffs = { type = "map", help = "afternoon cut-off per procedure code, e.g. 1.001612=15:00" },
  department = { type = "strings", help = "only dossiers of these departments" },
}

local CLOCK_STOPS = { supplement_requested = true, awaiting_payment = true }

local function clock_stopped(d)
  for _, change in ipairs(d.history) do
    if CLOCK_STOPS[change.status] then return true end
  end
  return false
end

local function limit_text(limit)
  if limit.days then return string.format("%d ngày làm việc", limit.days) end
  return string.format("%d giờ làm việc", limit.hours)
end

function M.run(options)
  local cutoffs = options.cutoffs or {}
  -- Dates compare as days in the centre's zone: the zone's offset from the first day of 1970.
  local offset = -text.parse_date("01/01/1970")
  local function day(t) return (t + offset) // 86400 end
  local items, checked, skipped = {}, 0, 0
  -- History is read only for the dossiers whose due date differs: the rest need no excuse.
  for d in dossiers.query{ received_from = options.received_from, department = options.department,
                           scope = "all", order = "unordered" } do
    local limit = d.time_limit
    if d.due_at and limit then
      local cutoff = cutoffs[d.procedure_code]
      local expected = calendar.due_date(d.received_at, limit, cutoff and { cutoff = cutoff } or nil)
      if day(expected) == day(d.due_at) then
        checked = checked + 1
      elseif clock_stopped(d) then
        skipped = skipped + 1
      else
        checked = checked + 1
        local shift = calendar.working_days_between(expected, d.due_at)
        items[#items + 1] = {
          key = d.code, department = d.department,
          message = string.format("hạn %s, nhưng tiếp nhận %s với thời hạn %s thì hạn là %s (%s%d ngày làm việc, nguồn %s)",
                                  text.format_date(d.due_at), text.format_date(d.received_at, "dd/MM/yyyy HH:mm"),
                                  limit_text(limit), text.format_date(expected), shift > 0 and "+" or "", shift, d.source),
        }
      end
    end
  end
  return {
    status = #items > 0 and "warning" or "ok",
    summary = #items > 0 and string.format("%s/%s hồ sơ có hạn trả không khớp thời hạn của thủ tục",
                                           text.format_number(#items), text.format_number(checked))
                         or string.format("Hạn trả của %s hồ sơ khớp thời hạn của thủ tục", text.format_number(checked)),
    metrics = { mismatched = { value = #items, warn = 0, min = 0 }, checked = checked, skipped = skipped },
    items = items,
  }
end

return M
