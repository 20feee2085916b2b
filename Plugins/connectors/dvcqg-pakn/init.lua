--- The feedback system of the national portal (Hệ thống tiếp nhận, trả lời phản ánh, kiến nghị
--- về quy định và thủ tục hành chính, Nghị định 20/2008/NĐ-CP): its export, one citizen's feedback
--- per row, CSV in UTF-8. It yields feedback records (M.records), whose source is "pakn".
---
--- Statuses are mapped through status-words.lua, never guessed.
local status_words = require("status-words")

local M = {}

M.records = "feedback"

--- The export's columns: hostrun's field → the header the system prints.
M.columns = {
  code = "Mã PAKN",
  subject = "Tiêu đề",
  received_at = "Ngày tiếp nhận",
  due_at = "Hạn xử lý",
  handled_at = "Ngày trả lời",
  status = "Tình trạng",
}

--- One row as a canonical feedback record.
function M.record(row, origin)
  local word = row[M.columns.status]
  local status = word and status_words[text.fold(text.trim(word))]
  return {
    origin = origin,
    code = row[M.columns.code],
    source = "pakn",
    subject = row[M.columns.subject],
    received_at = row[M.columns.received_at],
    due_at = row[M.columns.due_at],
    status = status,
    handled_at = row[M.columns.handled_at],
    reject = not status and ("Tình trạng '" .. tostring(word) .. "' has no mapping in dvcqg-pakn/status-words.lua") or nil,
  }
end

function M.read(source)
  local rows, checked = csv.rows(source), false
  return function()
    local row, n = rows()
    if not row then return nil end
    if not checked then
      local missing = {}
      for _, header in pairs(M.columns) do
        if row[header] == nil then missing[#missing + 1] = header end
      end
      if #missing > 0 then
        table.sort(missing)
        error(source .. ": missing column(s) " .. table.concat(missing, ", "), 0)
      end
      checked = true
    end
    return M.record(row, source .. ":row " .. n)
  end
end

return M
