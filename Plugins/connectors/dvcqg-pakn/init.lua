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

--- One row (keyed by hostrun's names) as a canonical feedback record.
function M.record(row, origin)
  local word = row.status
  local status = word and status_words[text.fold(text.trim(word))]
  return {
    origin = origin,
    code = row.code,
    source = "pakn",
    subject = row.subject,
    received_at = row.received_at,
    due_at = row.due_at,
    status = status,
    handled_at = row.handled_at,
    reject = not status and ("Tình trạng '" .. tostring(word) .. "' has no mapping in dvcqg-pakn/status-words.lua") or nil,
  }
end

--- The export's rows; a file without one of the columns fails before any row.
function M.read(source)
  local rows = csv.rows(source, { columns = M.columns })
  return function()
    local row, n = rows()
    if not row then return nil end
    return M.record(row, source .. ":row " .. n)
  end
end

return M
