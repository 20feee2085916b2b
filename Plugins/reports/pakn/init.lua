-- PAKN: the feedback (phản ánh, kiến nghị) figures of the period, a row per month and the
-- period's row (each month's carried-over feedback is what was still open at its start), and
-- the share handled on time.
local M = {}

-- Options the operator gives with --option name=value; the host checks and converts them.
M.options = {
  decimal = { values = { ",", "." }, default = ",", description = "Dấu thập phân" },
}

local COUNTS = {
  { "carried_over", "Kỳ trước chuyển sang" },
  { "received", "Tiếp nhận trong kỳ" },
  { "handled", "Đã xử lý" },
  { "handled_on_time", "Trong đó đúng hạn" },
  { "rejected", "Không thụ lý" },
  { "open", "Đang xử lý" },
}

local function row(label, feedback)
  local cells = { label }
  for i, count in ipairs(COUNTS) do cells[i + 1] = feedback[count[1]] end
  -- On time ÷ handled, in percent; an empty cell when nothing was handled.
  cells[#COUNTS + 2] = feedback.handled > 0 and feedback.handled_on_time * 100 / feedback.handled or nil
  return cells
end

function M.build(period, options)
  local feedback = stats.figures(period).feedback
  local doc = report.document{
    title = "TÌNH HÌNH TIẾP NHẬN, XỬ LÝ PHẢN ÁNH, KIẾN NGHỊ",
    subtitle = ("Từ ngày %s đến ngày %s"):format(text.format_date(period.from), text.format_date(period.to)),
    decimal = options.decimal,
  }
  local columns = { { title = "Kỳ", type = "text", width = 14 } }
  for _, count in ipairs(COUNTS) do table.insert(columns, { title = count[2], type = "integer", width = 12 }) end
  table.insert(columns, { title = "Tỷ lệ đúng hạn", type = "percent", width = 12 })

  local rows = {}
  for i, month in ipairs(period:months()) do
    rows[i] = row("Tháng " .. text.format_date(month.from, "M/yyyy"), stats.figures(month).feedback)
  end
  doc:table{ title = "Phản ánh, kiến nghị", columns = columns, rows = rows, total = row("Cả kỳ", feedback) }
  doc:paragraph{
    report.italic("Tiếp nhận trong kỳ cộng kỳ trước chuyển sang bằng đã xử lý, không thụ lý và đang xử lý."),
  }
  return doc
end

return M
