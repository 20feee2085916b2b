--- Overdue dossiers as of the host's clock, and helpers that take and return host objects.
local M = {}

function M.run(options)
  local overdue = dossiers.count{ overdue_on = clock.today() }
  local limit = options.critical or 1
  return {
    status = overdue >= limit and "critical" or "ok",
    summary = overdue .. " overdue on " .. text.format_date(clock.now()),
    metrics = { overdue = overdue },
  }
end

--- How many dossiers count in `p`, a Period made by the caller.
function M.counted_in(p)
  local n = 0
  for d in dossiers.query{} do
    if d:classify(p) then n = n + 1 end
  end
  return n
end

--- The dossier received last, as a Dossier object.
function M.latest()
  for d in dossiers.query{ order = "received_at", descending = true, limit = 1 } do return d end
end

--- Calls `fn` with each dossier's code; returns what `fn` returned, in order.
function M.each_code(fn)
  local out = {}
  for d in dossiers.query{} do out[#out + 1] = fn(d.code) end
  return out
end

function M.fail()
  error("the check broke")
end

return M
