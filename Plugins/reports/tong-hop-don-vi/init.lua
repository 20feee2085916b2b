-- Tổng hợp kết quả giải quyết TTHC của các đơn vị: the city's table of a store shared by its
-- wards. One row per centre (stats.figures by "centre") with section I of the periodic report
-- (received by channel, finished early, on time, late, refused or withdrawn, still in progress)
-- and the on-time and online rates; the total row is the figures of the whole store, which the
-- rows add up to.
-- Under `--centre NAME` it is that ward's single row.
local M = {}

M.options = {
  decimal = { values = { ",", "." }, default = ",", description = "Dấu thập phân" },
}

-- What a row counts: { counter, title, group }, section I's lines in the seed report's order.
local COUNTS = {
  { "received", "Tổng số", "Hồ sơ tiếp nhận" },
  { "carried_over", "Kỳ trước chuyển sang", "Hồ sơ tiếp nhận" },
  { "new_online", "Trực tuyến", "Hồ sơ tiếp nhận" },
  { "new_in_person", "Trực tiếp", "Hồ sơ tiếp nhận" },
  { "new_postal", "Bưu chính công ích", "Hồ sơ tiếp nhận" },
  { "finished", "Tổng số", "Hồ sơ đã giải quyết" },
  { "early", "Trước hạn", "Hồ sơ đã giải quyết" },
  { "on_time", "Đúng hạn", "Hồ sơ đã giải quyết" },
  { "late", "Quá hạn", "Hồ sơ đã giải quyết" },
  { "refused", "Từ chối", "Hồ sơ đã giải quyết" },
  { "withdrawn", "Rút hồ sơ", "Hồ sơ đã giải quyết" },
  { "in_progress", "Tổng số", "Hồ sơ đang giải quyết" },
  { "within_limit", "Trong hạn", "Hồ sơ đang giải quyết" },
  { "overdue", "Quá hạn", "Hồ sơ đang giải quyết" },
  { "supplement_requested", "Yêu cầu bổ sung", "Hồ sơ đang giải quyết" },
}
-- Only when some dossier waits for a fee: otherwise the column would be all zeros.
local AWAITING_PAYMENT = { "awaiting_payment", "Chờ nghĩa vụ tài chính", "Hồ sơ đang giải quyết" }

-- Rates after the counts, computed for each row with the terms of the host's own indicators,
-- so that the total row's rates are the indicators of the whole store.
local RATES = { { "on_time", "Đúng hạn" }, { "online", "Trực tuyến" } }

local NO_CENTRE = "(Chưa ghi đơn vị)"

local function sum(figures, terms)
  local total = 0
  for _, term in ipairs(terms) do total = total + figures[term] end
  return total
end

-- The values of a row after its name: counts, then rates in percent (nil: nothing to rate).
local function values(figures, counts, indicators)
  local out = {}
  for i, count in ipairs(counts) do out[i] = figures[count[1]] end
  for _, rate in ipairs(RATES) do
    local indicator = indicators[rate[1]]
    local denominator = sum(figures, indicator.denominator_terms)
    out[#out + 1] = denominator > 0 and sum(figures, indicator.numerator_terms) * 100 / denominator or nil
  end
  return out
end

local function layout(counts)
  local columns = { { title = "Đơn vị", type = "text", width = 28 } }
  local groups = { { title = "", span = 1 } }
  local function add(title, type_, group)
    table.insert(columns, { title = title, type = type_, width = 10 })
    local last = groups[#groups]
    if last.title == group then last.span = last.span + 1 else table.insert(groups, { title = group, span = 1 }) end
  end
  for _, count in ipairs(counts) do add(count[2], "integer", count[3]) end
  for _, rate in ipairs(RATES) do add(rate[2], "percent", "Tỷ lệ") end
  return columns, groups
end

function M.build(period, options)
  local figures = stats.figures(period, { by = "centre" })
  local counts = { table.unpack(COUNTS) }
  if figures.awaiting_payment > 0 then table.insert(counts, AWAITING_PAYMENT) end
  local indicators = {}
  for _, indicator in ipairs(figures.indicators) do indicators[indicator.id] = indicator end

  -- Wards by name (the host orders rows by most received), the unnamed ones last.
  local centres = { table.unpack(figures.by.centre) }
  table.sort(centres, function(a, b)
    if (a.key == "") ~= (b.key == "") then return b.key == "" end
    return a.key < b.key
  end)
  local rows = {}
  for i, centre in ipairs(centres) do
    rows[i] = { centre.key == "" and NO_CENTRE or centre.key, table.unpack(values(centre, counts, indicators)) }
  end

  local columns, groups = layout(counts)
  local doc = report.document{
    title = "TỔNG HỢP KẾT QUẢ TIẾP NHẬN VÀ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH CỦA CÁC ĐƠN VỊ",
    subtitle = ("Từ ngày %s đến ngày %s"):format(text.format_date(period.from), text.format_date(period.to)),
    decimal = options.decimal,
    landscape = true, -- nineteen columns or more
  }
  doc:table(report.numbered{
    title = "Theo đơn vị (phường, xã)",
    columns = columns,
    groups = groups,
    rows = rows,
    total = { "Tổng cộng", table.unpack(values(figures, counts, indicators)) },
  })
  local known = figures.as_of >= period.to + 86400 - 1 and ("hết ngày " .. text.format_date(period.to))
    or text.format_date(figures.as_of, "dd/MM/yyyy HH:mm")
  doc:paragraph{
    report.italic(("Số liệu tính đến %s. Dòng tổng cộng là số liệu chung của các đơn vị, bằng tổng các dòng. Tỷ lệ đúng hạn = (trước hạn + đúng hạn) ÷ (trước hạn + đúng hạn + quá hạn); tỷ lệ trực tuyến = hồ sơ tiếp nhận trực tuyến ÷ hồ sơ tiếp nhận mới trong kỳ."):format(known)),
  }
  return doc
end

return M
