-- Kiểm tra dữ liệu: a dossier whose status says it is finished but that has no result date
-- (ngày trả kết quả) cannot be placed as early, on time or late, so the period's figures
-- silently miss it. The import path refuses such records; this rule finds those that reached
-- the store another way (an older import, a shared database).
local M = {}

M.validation = true

M.options = {
  received_from = { type = "string", help = "only dossiers received on or after this day, e.g. 01/01/2026" },
  department = { type = "strings", help = "only dossiers of these departments" },
}

local FINISHED = { "resolved", "returned", "refused", "withdrawn" }

function M.run(options)
  local items = {}
  for d in dossiers.query{ status = FINISHED, received_from = options.received_from,
                           department = options.department, scope = "all" } do
    if d.finished_at == nil then
      items[#items + 1] = { key = d.code, department = d.department,
                            message = string.format("trạng thái %s nhưng không có ngày trả kết quả (nguồn %s, tiếp nhận %s)",
                                                    d.status, d.source, text.format_date(d.received_at)) }
    end
  end
  return {
    status = #items > 0 and "warning" or "ok",
    summary = #items > 0 and (text.format_number(#items) .. " hồ sơ đã kết thúc nhưng thiếu ngày trả kết quả")
                         or "Mọi hồ sơ đã kết thúc đều có ngày trả kết quả",
    metrics = { faulty = { value = #items, warn = 0, min = 0 } },
    items = items,
  }
end

return M
