-- Nguồn dữ liệu im lặng: a feed (the connector of an import batch) with no batch for `hours`
-- hours. A batch that found nothing new still counts as a delivery. Connectors listed in
-- `connectors` that never imported are reported too; without the option, every connector that
-- ever wrote the store is watched.
local M = {}

M.options = {
  hours = { type = "number", default = 24, help = "hours without an import before a warning" },
  critical_hours = { type = "number", help = "hours without an import before it is critical" },
  connectors = { type = "strings", help = "the connectors expected to import (default: every one seen)" },
  ignore = { type = "strings", help = "connectors not to watch (demo data, one-off scripts)" },
}

local HOUR = 3600

local function set(list)
  local result = {}
  for _, name in ipairs(list or {}) do result[name] = true end
  return result
end

function M.run(options)
  if options.hours <= 0 then error("option 'hours' must be above 0", 0) end
  local now = clock.now()
  local ignored = set(options.ignore)
  local watched = options.connectors and set(options.connectors) or nil
  local last = {}
  for _, batch in ipairs(imports.latest()) do last[batch.connector] = batch end

  local names = {}
  for name in pairs(watched or last) do
    if not ignored[name] then names[#names + 1] = name end
  end
  table.sort(names)

  local items, metrics, worst = {}, {}, "ok"
  local function report(status, item)
    items[#items + 1] = item
    if status == "critical" or worst == "ok" then worst = status end
  end
  for _, name in ipairs(names) do
    local batch = last[name]
    if not batch then
      report("critical", { key = name, message = "chưa từng nhập dữ liệu" })
    else
      local at = batch.finished_at or batch.started_at
      local age = math.max(now - at, 0)
      metrics[#metrics + 1] = { label = name .. " age", value = age, unit = "s", min = 0,
                                warn = options.hours * HOUR, crit = options.critical_hours and options.critical_hours * HOUR }
      local hours = age / HOUR
      if hours > options.hours then
        local status = (options.critical_hours and hours > options.critical_hours) and "critical" or "warning"
        report(status, { key = name, message = string.format("không nhập dữ liệu %s giờ (lần cuối %s)",
                                                             text.format_number(math.floor(hours)),
                                                             text.format_date(at, "dd/MM/yyyy HH:mm")) })
      end
    end
  end
  table.insert(metrics, 1, { label = "silent", value = #items, warn = 0, min = 0, max = #names })

  local summary
  if #names == 0 then
    summary = "Chưa có nguồn dữ liệu nào để theo dõi"
  elseif #items == 0 then
    summary = string.format("%d nguồn dữ liệu đều đã nhập trong %s giờ qua", #names, text.format_number(options.hours))
  else
    local keys = {}
    for _, item in ipairs(items) do keys[#keys + 1] = item.key end
    summary = string.format("%d/%d nguồn dữ liệu im lặng: %s", #items, #names, table.concat(keys, ", "))
  end
  return { status = worst, summary = summary, metrics = metrics, items = items }
end

return M
