--- The civil-status system's birth-registration list (phần mềm đăng ký, quản lý hộ tịch điện
--- tử), saved from it as "Unicode text": UTF-16 with a byte-order mark, tab between fields,
--- dates dd/MM/yyyy HH:mm. One row per birth registration.
---
--- Statuses and channels are mapped through status-words.lua and channel-words.lua, never
--- guessed; the procedure, field and department come from settings.lua.
local columns = require("columns")
local status_words = require("status-words")
local channel_words = require("channel-words")
local settings = require("settings")

local M = {}

local function fold(value)
  if value == nil or value == "" then return nil end
  return text.fold(text.trim(value))
end

--- One row (keyed by hostrun's names) as a canonical record.
function M.record(row, origin)
  local status = status_words[fold(row.status) or ""]
  local channel = channel_words[fold(row.channel) or ""]
  local reject
  if not status then
    reject = "Trạng thái '" .. tostring(row.status) .. "' has no mapping in hotich/status-words.lua"
  elseif not channel then
    reject = "Hình thức tiếp nhận '" .. tostring(row.channel) .. "' has no mapping in hotich/channel-words.lua"
  end
  local interconnected = fold(row.channel) == "lien thong"
  return {
    origin = origin,
    code = row.code,
    source = "hotich",
    procedure_code = settings.procedure_code,
    procedure_name = settings.procedure_name,
    field = settings.field,
    department = settings.department,
    channel = channel,
    fully_online = interconnected,
    received_at = row.received_at,
    due_at = row.due_at,
    status = status,
    finished_at = row.finished_at,
    digitised = channel == "online",
    data_reused = fold(row.reused) == "co",
    applicant_name = row.applicant_name,
    applicant_id = row.applicant_id,
    applicant_phone = row.applicant_phone,
    reject = reject,
  }
end

--- The register's rows with a code; a file without one of the columns fails before any row.
function M.read(source)
  local rows = csv.rows(source, { columns = columns })
  return function()
    while true do
      local row, n = rows()
      if not row then return nil end
      if row.code and row.code ~= "" then return M.record(row, source .. ":row " .. n) end
    end
  end
end

return M
