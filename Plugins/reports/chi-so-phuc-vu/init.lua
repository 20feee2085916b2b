-- Chỉ số phục vụ: each service indicator with its definition, numerator and denominator for the
-- period; then its value per month of the period; and a chart of the period's values.
local M = {}

-- Options the operator gives with --option name=value; the host checks and converts them.
M.options = {
  decimal = { values = { ",", "." }, default = ",", description = "Dấu thập phân" },
}

-- "T1/2026" for a month's period.
local function month_label(p)
  return "T" .. text.format_date(p.from, "M/yyyy")
end

-- A rate, or nil (an empty cell) when nothing was counted below the line.
local function rate(indicator) return indicator.value end

function M.build(period, options)
  local figures = stats.figures(period)
  local indicators = figures.indicators

  local doc = report.document{
    title = "CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP",
    subtitle = ("Từ ngày %s đến ngày %s"):format(text.format_date(period.from), text.format_date(period.to)),
    decimal = options.decimal,
  }

  local rows = {}
  for i, indicator in ipairs(indicators) do
    rows[i] = { indicator.name, indicator.definition, indicator.numerator, indicator.denominator, rate(indicator) }
  end
  doc:table(report.numbered{
    title = "Chỉ số trong kỳ",
    columns = {
      { title = "Chỉ số", type = "text", width = 32 },
      { title = "Cách tính", type = "text", width = 60 },
      { title = "Tử số", type = "integer", width = 10 },
      { title = "Mẫu số", type = "integer", width = 10 },
      { title = "Kết quả", type = "percent", width = 10 },
    },
    rows = rows,
  })

  local months = period:months()
  local columns = { { title = "Chỉ số", type = "text", width = 32 } }
  for _, month in ipairs(months) do
    table.insert(columns, { title = month_label(month), type = "percent", width = 10 })
  end
  table.insert(columns, { title = "Cả kỳ", type = "percent", width = 10 })
  local by_month = {}
  for i, month in ipairs(months) do by_month[i] = stats.figures(month).indicators end
  local monthly = {}
  for i, indicator in ipairs(indicators) do
    local row = { indicator.name }
    for m = 1, #months do row[m + 1] = rate(by_month[m][i]) end
    row[#months + 2] = rate(indicator)
    monthly[i] = row
  end
  doc:table{ title = "Chỉ số theo tháng", columns = columns, rows = monthly }

  local names, values = {}, {}
  for _, indicator in ipairs(indicators) do
    if indicator.value then
      names[#names + 1] = indicator.name
      values[#values + 1] = indicator.value
    end
  end
  if #names > 0 then
    doc:chart{ title = "Biểu đồ chỉ số trong kỳ", categories = names, series = { { name = "Kết quả", values = values } }, kind = "percent" }
  end
  doc:paragraph{
    report.italic("Tỷ lệ làm tròn đến hai chữ số thập phân; ô trống: không có hồ sơ nào ở mẫu số."),
  }
  return doc
end

return M
