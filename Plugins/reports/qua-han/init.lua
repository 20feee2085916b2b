-- Quá hạn: the dossiers open at the end of the period (or now, if earlier) whose clock runs and
-- whose due date has passed or comes within `soon` working days, by department: a summary row
-- per department, then every such dossier with its working days overdue or left.
local M = {}

-- Options the operator gives with --option name=value; the host checks and converts them.
M.options = {
  soon = { kind = "integer", default = 2, description = "Sắp đến hạn: còn tối đa bấy nhiêu ngày làm việc" },
  decimal = { values = { ",", "." }, default = ",", description = "Dấu thập phân" },
}

function M.build(period, options)
  local soon = options.soon
  if soon < 0 then error("option soon must not be negative", 0) end
  local end_of_period = text.parse_date(text.format_date(period.to) .. " 23:59")
  local at = math.min(end_of_period, clock.now())
  local day = text.format_date(at)

  local counts, order, listed = {}, {}, {}
  for d in dossiers.query{ open_on = day, order = "due_at" } do
    local department = d.department
    local c = counts[department]
    if not c then
      c = { open = 0, overdue = 0, soon = 0 }
      counts[department] = c
      order[#order + 1] = department
    end
    c.open = c.open + 1
    local standing = d:standing(at)
    local left = standing.working_days_left
    if standing.state == "overdue" then
      c.overdue = c.overdue + 1
      listed[#listed + 1] = { d = d, standing = standing, overdue = -left }
    elseif standing.state == "running" and left and left <= soon then
      c.soon = c.soon + 1
      listed[#listed + 1] = { d = d, standing = standing, left = left }
    end
  end
  table.sort(order)
  table.sort(listed, function(a, b)
    if a.d.department ~= b.d.department then return a.d.department < b.d.department end
    if (a.overdue or -1) ~= (b.overdue or -1) then return (a.overdue or -1) > (b.overdue or -1) end
    if (a.left or 0) ~= (b.left or 0) then return (a.left or 0) < (b.left or 0) end
    return a.d.code < b.d.code
  end)

  local doc = report.document{
    title = "HỒ SƠ QUÁ HẠN VÀ SẮP ĐẾN HẠN",
    subtitle = ("Tính đến %s"):format(text.format_date(at, "dd/MM/yyyy HH:mm")),
    decimal = options.decimal,
  }
  local rows = {}
  for i, name in ipairs(order) do
    local c = counts[name]
    rows[i] = { name, c.open, c.overdue, c.soon }
  end
  doc:table(report.numbered{
    title = "Theo phòng chuyên môn",
    columns = {
      { title = "Phòng chuyên môn", type = "text", width = 36 },
      { title = "Đang giải quyết", type = "integer", width = 12 },
      { title = "Quá hạn", type = "integer", width = 10 },
      { title = ("Sắp đến hạn (≤ %d ngày)"):format(soon), type = "integer", width = 14 },
    },
    rows = rows,
    total = "Tổng cộng",
  })

  local details = {}
  for i, item in ipairs(listed) do
    local d = item.d
    details[i] = {
      d.department, d.code, d.procedure_name, d.received_at, item.standing.due_date,
      item.overdue and "Quá hạn" or "Sắp đến hạn", item.overdue, item.left,
    }
  end
  doc:table(report.numbered{
    title = "Danh sách hồ sơ",
    columns = {
      { title = "Phòng chuyên môn", type = "text", width = 30 },
      { title = "Mã hồ sơ", type = "text", width = 22 },
      { title = "Thủ tục", type = "text", width = 40 },
      { title = "Ngày tiếp nhận", type = "date", width = 12 },
      { title = "Hạn trả", type = "date", width = 12 },
      { title = "Tình trạng", type = "text", width = 12 },
      { title = "Số ngày làm việc quá hạn", type = "integer", width = 12 },
      { title = "Số ngày làm việc còn lại", type = "integer", width = 12 },
    },
    rows = details,
  })
  if #details == 0 then
    doc:paragraph("Không có hồ sơ quá hạn hoặc sắp đến hạn.")
  end
  return doc
end

return M
