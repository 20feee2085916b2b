-- The roll-up through hostrun's Lua API, for Benchmarks/postgres/run.sh: the figures of the
-- period FROM..TO (dd/MM/yyyy) per centre, then the total, one line each, as figures.sql prints
-- them with psql (`centre|counter|…`, the counters of FigureCounter.stored in order, centres
-- in byte order).
--   hostrun run rollup.lua FROM TO --db postgres://…
local from, to = ...
local counters = {
  "received", "carried_over", "new_online", "new_in_person", "new_postal",
  "finished", "early", "on_time", "late", "refused", "withdrawn",
  "in_progress", "within_limit", "overdue", "supplement_requested", "awaiting_payment",
  "new_online_digitised", "new_online_data_reused", "new_online_fully_online",
  "new_online_fee_payable", "new_online_paid_online",
  "new_digitised", "new_data_reused", "new_fee_payable", "new_paid_online", "apologised",
}

local function line(key, figures)
  local cells = { key }
  for _, name in ipairs(counters) do cells[#cells + 1] = tostring(figures[name]) end
  print(table.concat(cells, "|"))
end

local figures = stats.figures(period.range(from, to), { by = { "centre" } })
local rows = figures.by.centre
table.sort(rows, function(a, b) return a.key < b.key end)
for _, row in ipairs(rows) do line(row.key, row) end
line("total", figures)
