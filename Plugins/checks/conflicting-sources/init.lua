-- Kiểm tra dữ liệu: a dossier reaching the centre through two systems (the one-stop software
-- and the national portal, say) is one dossier, linked by its code; its records must agree.
-- Each record is compared, field by field, with the one of the same code first read from
-- another source; times compare as days, since systems record them to different precisions.
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
  local function shown(name, v)
    if v == "" then return "(trống)" end
    if COMPARABLE[name] == "day" then return text.format_date(tonumber(v) * 86400 - offset) end
    return v
  end

  -- When every code has one record (as many records as primary ones) nothing can conflict.
  -- Otherwise sources are read by size, largest last: only records of the others are
  -- remembered (one compact string per code), and the largest is streamed against them.
  local scope = { scope = "all", received_from = options.received_from }
  local records = dossiers.count(scope)
  local linked = records - dossiers.count{ received_from = options.received_from }
  local sources = linked > 0 and dossiers.group_by("source", scope) or {}
  table.sort(sources, function(a, b) return a.count > b.count or (a.count == b.count and a.key < b.key) end)

  local first, conflicts, order = {}, {}, {}
  local function compare(d, values)
    local seen = first[d.code]
    if not seen then return false end
    local parts = {}
    for part in (seen .. SEPARATOR):gmatch("(.-)" .. SEPARATOR) do parts[#parts + 1] = part end
    -- Each pair reads in source-name order: "dvcqg/motcua: status refused ≠ processing".
    local swap = d.source < parts[1]
    local differences = {}
    for i, name in ipairs(options.fields) do
      local before, after = parts[i + 2], values[i]
      if before ~= after then
        if swap then before, after = after, before end
        differences[#differences + 1] = string.format("%s %s ≠ %s", name, shown(name, before), shown(name, after))
      end
    end
    if #differences > 0 then
      local entry = conflicts[d.code]
      if not entry then
        entry = { source = parts[1], department = parts[2], lines = {} }
        conflicts[d.code] = entry
        order[#order + 1] = d.code
      end
      -- The item names the department of the record whose source sorts first.
      if d.source < entry.source then entry.source, entry.department = d.source, d.department end
      local pair = swap and (d.source .. "/" .. parts[1]) or (parts[1] .. "/" .. d.source)
      entry.lines[#entry.lines + 1] = pair .. ": " .. table.concat(differences, ", ")
    end
    return true
  end
  local function values_of(d)
    local values = {}
    for i, name in ipairs(options.fields) do values[i] = value(d, name) end
    return values
  end

  if #sources > 1 then
    for i = 2, #sources do
      for d in dossiers.query{ scope = "all", source = sources[i].key, received_from = options.received_from,
                               order = "unordered" } do
        local values = values_of(d)
        if not compare(d, values) then
          first[d.code] = d.source .. SEPARATOR .. d.department .. SEPARATOR .. table.concat(values, SEPARATOR)
        end
      end
    end
    for d in dossiers.query{ scope = "all", source = sources[1].key, received_from = options.received_from,
                             order = "unordered" } do
      if first[d.code] then compare(d, values_of(d)) end
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
    metrics = { conflicting = { value = #items, warn = 0, min = 0 }, records = records, linked = linked },
    items = items,
  }
end

return M
