--- hostrun's canonical CSV (docs/canonical-csv.md): one dossier per row, columns named exactly
--- as hostrun's fields, in any order, header required. Each row goes to the host as it is: the
--- host reads its values (booleans, times, status and channel words) and checks them.
---
--- Rows stream through csv.rows one at a time, so a file of a million rows is read in flat
--- memory.
local M = {}

--- The columns, exactly (docs/canonical-csv.md).
M.columns = {
  "code", "source", "procedure_code", "procedure_name", "field", "department", "channel",
  "fully_online", "received_at", "due_at", "status", "finished_at", "digitised", "data_reused",
  "fee_payable", "paid_online", "applicant_name", "applicant_id", "applicant_phone",
}

local known = {}
for _, name in ipairs(M.columns) do known[name] = true end

--- Fails, naming the file, unless `row` (its first) has exactly the canonical columns.
local function check_columns(source, row)
  local unknown, missing = {}, {}
  for name in pairs(row) do
    if not known[name] then unknown[#unknown + 1] = name end
  end
  for _, name in ipairs(M.columns) do
    if row[name] == nil then missing[#missing + 1] = name end
  end
  table.sort(unknown)
  if #unknown > 0 then
    error(source .. ": unknown column(s) " .. table.concat(unknown, ", ")
      .. "; the canonical columns are " .. table.concat(M.columns, ", "), 0)
  end
  if #missing > 0 then
    error(source .. ": missing column(s) " .. table.concat(missing, ", "), 0)
  end
end

--- The rows of `source`, each with `origin = "file.csv:row N"` (the header is row 1).
function M.read(source)
  local rows, checked = csv.rows(source), false
  return function()
    local row, n = rows()
    if not row then return nil end
    if not checked then
      check_columns(source, row)
      checked = true
    end
    row.origin = source .. ":row " .. n
    return row
  end
end

return M
