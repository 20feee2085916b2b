-- overdue-by-department.lua: how many dossiers are overdue today, per department.
--
--   hostrun --db centre.db Scripts/overdue-by-department.lua
--   hostrun --db centre.db --now "25/05/2026 17:00" Scripts/overdue-by-department.lua
--
-- The store does the counting (dossiers.group_by), so this stays instant over a million dossiers.

local today = clock.today()   -- the host's clock: --now sets it, tests control it

-- Overdue = still open today and due before today, with the clock running: a dossier waiting
-- for the applicant's supplement or payment (clock stopped) is not overdue.
local groups = dossiers.group_by("department", {
  overdue_on = today,
  status = {"received", "processing"},
})

-- Most overdue first; ties by name, as Vietnamese sorts them when folded ("Đ" with "D").
table.sort(groups, function(a, b)
  if a.count ~= b.count then return a.count > b.count end
  return text.fold(a.key) < text.fold(b.key)
end)

print("Hồ sơ quá hạn ngày " .. text.format_date(today))
local total = 0
for _, group in ipairs(groups) do
  -- A tab, not string.format("%-40s"): that pads by bytes, and Vietnamese letters take several.
  print(group.key .. "\t" .. text.format_number(group.count))
  total = total + group.count
end
print("Tổng cộng\t" .. text.format_number(total))
