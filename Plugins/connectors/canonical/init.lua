--- hostrun's canonical CSV (docs/canonical-csv.md): one dossier per row, columns named exactly
--- as hostrun's fields, in any order, header required. Each row goes to the host as it is: the
--- host reads its values (booleans, times, status and channel words) and checks them.
---
--- Rows stream through csv.rows one at a time, so a file of a million rows is read in flat
--- memory; several files are read one after the other as one batch.
local M = {}

--- The columns, exactly (docs/canonical-csv.md).
M.columns = {
  "code", "source", "procedure_code", "procedure_name", "field", "department", "channel",
  "fully_online", "received_at", "due_at", "status", "finished_at", "digitised", "data_reused",
  "fee_payable", "paid_online", "applicant_name", "applicant_id", "applicant_phone",
}

local known = {}
for _, name in ipairs(M.columns) do known[name] = true end

--- Fails, naming the file, unless `row` (the first of a file) has exactly the canonical columns.
local function check_columns(path, row)
  local unknown, missing = {}, {}
  for name in pairs(row) do
    if not known[name] then unknown[#unknown + 1] = name end
  end
  for _, name in ipairs(M.columns) do
    if row[name] == nil then missing[#missing + 1] = name end
  end
  table.sort(unknown)
  if #unknown > 0 then
    error(path .. ": unknown column(s) " .. table.concat(unknown, ", ")
      .. "; the canonical columns are " .. table.concat(M.columns, ", "), 0)
  end
  if #missing > 0 then
    error(path .. ": missing column(s) " .. table.concat(missing, ", "), 0)
  end
end

--- An iterator over the rows of every source, each with `_origin = "file.csv:row N"`.
function M.read(sources)
  local index, path, rows, first = 0, nil, nil, false
  return function()
    while true do
      if rows then
        local row, n = rows()
        if row then
          if first then
            check_columns(path, row)
            first = false
          end
          row._origin = path .. ":row " .. n
          return row
        end
        rows = nil
      end
      index = index + 1
      path = sources[index]
      if path == nil then return nil end
      rows, first = csv.rows(path), true
    end
  end
end

return M
