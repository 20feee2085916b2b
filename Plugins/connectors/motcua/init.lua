--- The provincial one-stop software's export (phần mềm một cửa điện tử): the "Danh sách hồ
--- sơ" sheet staff download as Excel, with a title block, a header on two rows with merged
--- cells, dates as serial numbers, and a total row and signatures under the table.
---
--- Columns are found by their header names (columns.lua); status and channel words are mapped
--- through status-words.lua and channel-words.lua, never guessed.
local columns = require("columns")
local status_words = require("status-words")
local channel_words = require("channel-words")

local M = {}

--- A date cell as the host reads times: date cells come as text, bare serial numbers (a column
--- exported without a date format) are converted.
local function time(value)
  if type(value) == "number" then return xlsx.serial_date(value) end
  return value
end

--- A procedure code: Excel turns a typed 1.001193 into a number, and 1.012790 into 1.01279.
local function procedure_code(value)
  if type(value) == "number" then return string.format("%.6f", value) end
  return value
end

--- A word of a closed list through its table; nil and the reason when the table lacks it.
local function mapped(words, value, column, table_file)
  if value == nil then return nil end
  local word = words[text.fold(text.trim(tostring(value)))]
  if word then return word end
  return nil, column .. " '" .. tostring(value) .. "' has no mapping in motcua/" .. table_file
end

--- A tick column ("x", "X", "Có") as a flag.
local function ticked(value)
  if value == nil then return false end
  local folded = text.fold(text.trim(tostring(value)))
  return folded == "x" or folded == "co" or folded == "1"
end

--- One row of the sheet as a canonical record.
function M.record(row, origin)
  local fee = tonumber(row.fee) or 0
  local channel, unknown_channel = mapped(channel_words, row.channel, "Kênh tiếp nhận", "channel-words.lua")
  local status, unknown_status = mapped(status_words, row.status, "Trạng thái", "status-words.lua")
  return {
    origin = origin,
    code = row.code,
    source = "motcua",
    procedure_code = procedure_code(row.procedure_code),
    procedure_name = row.procedure_name,
    field = row.field,
    department = row.department,
    channel = channel,
    fully_online = ticked(row.fully_online),
    received_at = time(row.received_at),
    due_at = time(row.due_at),
    status = status,
    finished_at = time(row.finished_at),
    digitised = ticked(row.digitised),
    data_reused = ticked(row.data_reused),
    fee_payable = fee > 0,
    paid_online = fee > 0 and ticked(row.paid_online),
    applicant_name = row.applicant_name,
    applicant_id = row.applicant_id and tostring(row.applicant_id),
    applicant_phone = row.applicant_phone and tostring(row.applicant_phone),
    reject = unknown_status or unknown_channel,
  }
end

--- The dossiers of the export's first sheet (or `options.sheet`); the total and signature rows
--- under the table have no code and are skipped.
function M.read(source, options)
  local rows = xlsx.rows(source, { columns = columns, sheet = options.sheet })
  return function()
    while true do
      local row, n = rows()
      if not row then return nil end
      if row.code then return M.record(row, source .. ":row " .. n) end
    end
  end
end

return M
