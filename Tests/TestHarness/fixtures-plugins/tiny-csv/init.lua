--- Yields one canonical record per row of a CSV with the columns code, received_at, status,
--- finished_at and department; the rest is fixed (online civil-status registration).
local M = {}

--- How a row becomes a record; exported so its spec can check it without a store.
function M.record(row, origin)
  return {
    origin = origin,
    code = row.code, source = "motcua",
    procedure_code = "1.001193", procedure_name = "Đăng ký khai sinh", field = "Hộ tịch",
    department = row.department ~= "" and row.department or "Văn phòng HĐND và UBND",
    channel = "online", status = row.status, received_at = row.received_at,
    finished_at = row.finished_at, time_limit = { days = 5 },
  }
end

function M.read(source, options)
  local rows = csv.rows(source)
  local prefix = options.prefix or ""
  return function()
    local row, n = rows()
    if not row then return nil end
    row.code = prefix .. row.code
    return M.record(row, source .. " row " .. n)
  end
end

return M
