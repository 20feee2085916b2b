-- due-soon.lua: dossiers due within the next working days (default 2), soonest first, so a
-- department can finish them before they are late.
--
--   hostrun --db centre.db Scripts/due-soon.lua        -- due today or in the next 2 working days
--   hostrun --db centre.db Scripts/due-soon.lua 5      -- within 5 working days

local days = tonumber(arg[1]) or 2
local today = clock.today()
local last_day = calendar.add_working_days(today, days)   -- skips weekends and public holidays

print(("Hồ sơ đến hạn trong %d ngày làm việc (đến %s)"):format(days, text.format_date(last_day)))

-- The query streams: one small batch in memory at a time, however many dossiers match.
local count = 0
for d in dossiers.query{
  status = {"received", "processing"},   -- clock running (not waiting for the applicant)
  open_on = today,
  due_by = last_day,
  order = "due_at",
} do
  local left = d:working_days_left()     -- 0: due today; negative: already overdue
  if left >= 0 then
    count = count + 1
    local when = left == 0 and "hôm nay" or ("còn " .. left .. " ngày làm việc")
    print(table.concat({d.code, d.department, d.procedure_name, text.format_date(d.due_at), when}, "\t"))
  end
end
print("Tổng cộng: " .. text.format_number(count) .. " hồ sơ")
