-- Thống kê tình hình giải quyết TTHC: one row per field (lĩnh vực) with what was received
-- (carried over, online, in person, postal), finished (early, on time, late, refused,
-- withdrawn) and still in progress (within the limit, overdue, supplement requested), and a
-- total row that is the figures of the whole centre (the rows add up to it).
local M = {}

-- Options the operator gives with --option name=value; the host checks and converts them.
M.options = {
  decimal = { values = { ",", "." }, default = ",", description = "Dấu thập phân" },
  layout = {
    values = { "seed", "provincial" },
    default = "seed",
    description = "Cách xếp hồ sơ rút và tạm dừng: seed (cột riêng) hoặc provincial",
  },
}

-- What a row is: a field (lĩnh vực). Another grouping is "department" (phòng chuyên môn),
-- "procedure", "channel" or "source" (see stats.figures), with its column's title.
local GROUPING = { by = "field", title = "Lĩnh vực", caption = "Theo lĩnh vực" }

-- The columns after the row's name: { counter, title, group }.
local COUNTS = {
  { "received", "Tổng số", "Tiếp nhận" },
  { "carried_over", "Kỳ trước chuyển sang", "Tiếp nhận" },
  { "new_online", "Trực tuyến", "Tiếp nhận" },
  { "new_in_person", "Trực tiếp", "Tiếp nhận" },
  { "new_postal", "Bưu chính công ích", "Tiếp nhận" },
  { "finished", "Tổng số", "Đã giải quyết" },
  { "early", "Trước hạn", "Đã giải quyết" },
  { "on_time", "Đúng hạn", "Đã giải quyết" },
  { "late", "Quá hạn", "Đã giải quyết" },
  { "refused", "Từ chối", "Đã giải quyết" },
  { "withdrawn", "Rút hồ sơ", "Đã giải quyết" },
  { "in_progress", "Tổng số", "Đang giải quyết" },
  { "within_limit", "Trong hạn", "Đang giải quyết" },
  { "overdue", "Quá hạn", "Đang giải quyết" },
  { "supplement_requested", "Yêu cầu bổ sung", "Đang giải quyết" },
}
-- Only when some dossier waits for a fee: otherwise the column would be all zeros.
local AWAITING_PAYMENT = { "awaiting_payment", "Chờ nghĩa vụ tài chính", "Đang giải quyết" }

-- Columns and their groups for the counts in use.
local function layout(counts)
  local columns = { { title = GROUPING.title, type = "text", width = 30 } }
  local groups = { { title = "", span = 1 } }
  for _, count in ipairs(counts) do
    table.insert(columns, { title = count[2], type = "integer", width = 11 })
    local last = groups[#groups]
    if last.title == count[3] then last.span = last.span + 1 else table.insert(groups, { title = count[3], span = 1 }) end
  end
  return columns, groups
end

local function values(figures, counts)
  local out = {}
  for i, count in ipairs(counts) do out[i] = figures[count[1]] end
  return out
end

function M.build(period, options)
  local figures = stats.figures(period, { by = GROUPING.by, layout = options.layout })
  local counts = { table.unpack(COUNTS) }
  if figures.awaiting_payment > 0 then table.insert(counts, AWAITING_PAYMENT) end
  local columns, groups = layout(counts)

  local rows = {}
  for i, row in ipairs(figures.by[GROUPING.by]) do
    rows[i] = { row.label, table.unpack(values(row, counts)) }
  end

  local doc = report.document{
    title = "THỐNG KÊ TÌNH HÌNH TIẾP NHẬN VÀ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
    subtitle = ("Từ ngày %s đến ngày %s"):format(text.format_date(period.from), text.format_date(period.to)),
    decimal = options.decimal,
    landscape = true, -- seventeen columns
  }
  doc:table(report.numbered{
    title = GROUPING.caption,
    columns = columns,
    groups = groups,
    rows = rows,
    total = { "Tổng cộng", table.unpack(values(figures, counts)) },
  })
  -- What the figures know: the whole period, or up to now when it has not ended.
  local known = figures.as_of >= period.to + 86400 - 1 and ("hết ngày " .. text.format_date(period.to))
    or text.format_date(figures.as_of, "dd/MM/yyyy HH:mm")
  doc:paragraph{
    report.italic(("Số liệu tính đến %s. Tiếp nhận = kỳ trước chuyển sang + trực tuyến + trực tiếp + bưu chính = đã giải quyết + đang giải quyết."):format(known)),
  }
  return doc
end

return M
