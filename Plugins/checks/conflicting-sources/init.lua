-- Kiểm tra dữ liệu: a dossier reaching the centre through two systems (the one-stop software
-- and the national portal, say) is one dossier, linked by its code; its records must agree.
-- Each record is compared with the first one of the same code (sources in name order), field
-- by field; times compare as days, since systems record them to different precisions.
local M = {}

M.validation = true

local COMPARABLE = { procedure_code = "text", department = "text", channel = "text", status = "text",
                     field = "text", received_at = "day", due_at = "day", finished_at = "day" }

M.options = {
  fields = { type = "strings",
             default = { "procedure_code", "department", "channel", "received_at", "due_at", "status", "finished_at" },
             help = "the fields compared: procedure_code, field, department, channel, status, received_at, due_at, finished_at" },
  received_from = { type = "string", help = "only dossiers received on or after this day, e.g. 01/01/2026" },
}

local SEPARATOR = "\31"

function M.run(options)
  for _, name in ipairs(options.fields) do
    if not COMPARABLE[name] then error("option 'fields': '" .. name .. "' cannot be compared", 0) end
  end
  local offset = -text.parse_date("01/01/1970")
  local function value(d, name)
    local v = d[name]
    if v == nil then return "" end
    if COMPARABLE[name] == "day" then return tostring((v + offset) // 86400) end
    return v
  end
  local function shown(d, name)
    local v = d[name]
    if v == nil then return "(trống)" end
    if COMPARABLE[name] == "day" then return text.format_date(v) end
    return v
  end

  -- One compact string per code seen: a million records fit in a few hundred MiB.
  local first, records = {}, 0
  local conflicts, order = {}, {}
  for d in dossiers.query{ scope = "all", order = "key", received_from = options.received_from } do
    records = records + 1
    local values = {}
    for i, name in ipairs(options.fields) do values[i] = value(d, name) end
    local signature = d.source .. SEPARATOR .. d.department .. SEPARATOR .. table.concat(values, SEPARATOR)
    local seen = first[d.code]
    if not seen then
      first[d.code] = signature
    else
      local parts = {}
      for part in (seen .. SEPARATOR):gmatch("(.-)" .. SEPARATOR) do parts[#parts + 1] = part end
      local differences = {}
      for i, name in ipairs(options.fields) do
        if parts[i + 2] ~= values[i] then
          local before = parts[i + 2]
          if COMPARABLE[name] == "day" then
            before = before == "" and "(trống)" or text.format_date(tonumber(before) * 86400 - offset)
          elseif before == "" then
            before = "(trống)"
          end
          differences[#differences + 1] = string.format("%s %s ≠ %s", name, before, shown(d, name))
        end
      end
      if #differences > 0 then
        local entry = conflicts[d.code]
        if not entry then
          entry = { key = d.code, department = parts[2], lines = {} }
          conflicts[d.code] = entry
          order[#order + 1] = d.code
        end
        entry.lines[#entry.lines + 1] = string.format("%s/%s: %s", parts[1], d.source, table.concat(differences, ", "))
      end
    end
  end

  table.sort(order)
  local items = {}
  for _, code in ipairs(order) do
    local entry = conflicts[code]
    items[#items + 1] = { key = code, department = entry.department, message = table.concat(entry.lines, "; ") }
  end
  return {
    status = #items > 0 and "warning" or "ok",
    summary = #items > 0 and (text.format_number(#items) .. " mã hồ sơ có dữ liệu khác nhau giữa các nguồn")
                         or string.format("%s bản ghi: không có mã hồ sơ nào mâu thuẫn giữa các nguồn", text.format_number(records)),
    metrics = { conflicting = { value = #items, warn = 0, min = 0 }, records = records },
    items = items,
  }
end

return M
