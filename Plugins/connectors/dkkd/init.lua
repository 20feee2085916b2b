--- The national business-registration system's list of household-business dossiers
--- (Nghị định 168/2025/NĐ-CP), as staff download it: CSV (UTF-8 with a byte-order mark,
--- semicolons, dd/MM/yyyy HH:mm) or Excel. It has no public API, so this reads the downloads.
---
--- Kinds of dossier, statuses and channels are mapped through procedures.lua, status-words.lua
--- and channel-words.lua, never guessed; the field and department come from settings.lua.
local columns = require("columns")
local procedures = require("procedures")
local status_words = require("status-words")
local channel_words = require("channel-words")
local settings = require("settings")

local M = {}

--- The rows of a download, keyed by hostrun's names (columns.lua), with their row numbers.
local function rows(source)
  if source:lower():match("%.xlsx$") then
    return xlsx.rows(source, { columns = columns })
  end
  return csv.rows(source, { columns = columns })
end

local function fold(value)
  if value == nil or value == "" then return nil end
  return text.fold(text.trim(tostring(value)))
end

--- A time cell: Excel dates come as text, bare serial numbers are converted.
local function time(value)
  if type(value) == "number" then return xlsx.serial_date(value) end
  return value
end

--- One row as a canonical record.
function M.record(row, origin)
  local procedure = procedures[fold(row.kind) or ""]
  local status = status_words[fold(row.status) or ""]
  local channel = channel_words[fold(row.channel) or ""]
  local reject
  if not procedure then
    reject = "Loại hồ sơ '" .. tostring(row.kind) .. "' has no procedure in dkkd/procedures.lua"
  elseif not status then
    reject = "Tình trạng hồ sơ '" .. tostring(row.status) .. "' has no mapping in dkkd/status-words.lua"
  elseif not channel then
    reject = "Hình thức nộp '" .. tostring(row.channel) .. "' has no mapping in dkkd/channel-words.lua"
  end
  local fee = tonumber(row.fee) or 0
  return {
    origin = origin,
    code = row.code,
    source = "dkkd",
    procedure_code = procedure and procedure.code,
    procedure_name = procedure and procedure.name,
    field = settings.field,
    department = settings.department,
    channel = channel,
    -- Household-business registration is a fully online service on this system.
    fully_online = channel == "online",
    received_at = time(row.received_at),
    due_at = time(row.due_at),
    status = status,
    finished_at = time(row.finished_at),
    digitised = channel == "online",
    fee_payable = fee > 0,
    paid_online = fee > 0 and fold(row.paid_online) == "co",
    applicant_name = row.applicant_name,
    applicant_id = row.applicant_id and tostring(row.applicant_id),
    applicant_phone = row.applicant_phone and tostring(row.applicant_phone),
    reject = reject,
  }
end

function M.read(source)
  local next_row = rows(source)
  return function()
    while true do
      local row, n = next_row()
      if not row then return nil end
      if row.code and row.code ~= "" then return M.record(row, source .. ":row " .. n) end
    end
  end
end

return M
