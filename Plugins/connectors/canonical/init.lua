--- hostrun's canonical CSV (docs/canonical-csv.md): one dossier per row, columns named exactly
--- as hostrun's fields, in any order, header required. Each row goes to the host as it is: the
--- host reads its values (booleans, times, status and channel words) and checks them.
---
--- The file is handed to the host as csv.records: the host reads each row straight into a
--- record (origin "file.csv:row N"), so a file of a million rows is read in flat memory and
--- without a Lua table per row.
local M = {}

--- The columns, exactly (docs/canonical-csv.md).
M.columns = {
  "code", "source", "procedure_code", "procedure_name", "field", "department", "channel",
  "fully_online", "received_at", "due_at", "status", "finished_at", "digitised", "data_reused",
  "fee_payable", "paid_online", "applicant_name", "applicant_id", "applicant_phone",
}

--- The columns a file may have besides: `centre`, the receiving unit (empty: none named).
M.optional = { "centre" }

local known = {}
for _, name in ipairs(M.columns) do known[name] = true end
for _, name in ipairs(M.optional) do known[name] = true end

--- Fails, naming the file, unless `columns` (its header) are exactly the canonical columns,
--- with or without the optional ones.
local function check_columns(source, columns)
  local unknown, missing, present = {}, {}, {}
  for _, name in ipairs(columns) do
    present[name] = true
    if not known[name] then unknown[#unknown + 1] = name end
  end
  for _, name in ipairs(M.columns) do
    if not present[name] then missing[#missing + 1] = name end
  end
  table.sort(unknown)
  if #unknown > 0 then
    error(source .. ": unknown column(s) " .. table.concat(unknown, ", ")
      .. "; the canonical columns are " .. table.concat(M.columns, ", ")
      .. " (and optionally " .. table.concat(M.optional, ", ") .. ")", 0)
  end
  if #missing > 0 then
    error(source .. ": missing column(s) " .. table.concat(missing, ", "), 0)
  end
end

--- The rows of `source`, each a record with `origin = "file.csv:row N"` (the header is row 1).
function M.read(source)
  local records = csv.records(source)
  check_columns(source, records.columns)
  return records
end

return M
