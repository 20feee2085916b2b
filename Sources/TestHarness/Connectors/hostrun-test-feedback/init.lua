--- Yields the rows a spec gave `fixtures.feedback` (options.rows) as feedback records (code,
--- source, subject, received_at, due_at, status, handled_at); a row without a source is
--- "pakn"'s, as the dvcqg-pakn connector's are.
local M = {}

M.records = "feedback"

function M.read(_, options)
  local records = {}
  for i, row in ipairs(options.rows) do
    local record = { origin = "fixtures.feedback row " .. i, source = "pakn" }
    for name, value in pairs(row) do record[name] = value end
    records[i] = record
  end
  return records
end

return M
