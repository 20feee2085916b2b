--- Yields the rows a spec gave `fixtures.dossiers` (options.rows) as canonical records
--- (docs/canonical-csv.md, plus `history`, `time_limit`, ...), with the fields a spec rarely
--- cares about filled in, so that a row says only what its test is about. The host then reads
--- and checks every record exactly as it does a connector's.
local M = {}

--- What a row that does not say gets (docs/testing.md lists them).
M.defaults = {
  source = "motcua",
  procedure_code = "1.001",
  field = "Hộ tịch",
  department = "Phòng Tư pháp",
  channel = "online",
}

function M.read(_, options)
  local records = {}
  for i, row in ipairs(options.rows) do
    local record = { origin = "fixtures.dossiers row " .. i }
    for name, value in pairs(M.defaults) do record[name] = value end
    for name, value in pairs(row) do record[name] = value end
    records[i] = record
  end
  return records
end

return M
