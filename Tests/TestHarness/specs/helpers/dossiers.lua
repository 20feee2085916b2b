-- A project module the specs require (resolved from the project folder, as under busted).
-- Modules see the real globals, where `assert` is Lua's: luassert must be required.
local assert = require("luassert")
local dossiers = {}

--- Parses "code,procedure,days" lines after a header into records.
function dossiers.parse(text)
  local records = {}
  local first = true
  for line in text:gmatch("[^\n]+") do
    if first then
      first = false
    else
      local code, procedure, days = line:match("^([^,]*),([^,]*),(%d+)$")
      records[#records + 1] = { code = code, procedure = procedure, days = tonumber(days) }
    end
  end
  return records
end

--- Asserts that a dossier was handled within `limit` days.
function dossiers.assert_on_time(record, limit)
  assert.is_true(record.days <= limit, record.code .. " took " .. record.days .. " days")
end

return dossiers
