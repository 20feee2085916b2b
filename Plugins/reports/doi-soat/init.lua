-- Đối soát nguồn: for the dossiers received in the period, how many records each source
-- system holds and how many of them the figures count (the primary record of a dossier seen by
-- several systems is counted once); then every dossier whose systems disagree on its status,
-- due date or result date.
local M = {}

-- Options the operator gives with --option name=value; the host checks and converts them.
M.options = {
  decimal = { values = { ",", "." }, default = ",", description = "Dấu thập phân" },
}

local STATUS = {
  received = "Mới tiếp nhận", processing = "Đang xử lý", supplement_requested = "Yêu cầu bổ sung",
  awaiting_payment = "Chờ nghĩa vụ tài chính", resolved = "Đã giải quyết", returned = "Đã trả kết quả",
  refused = "Từ chối", withdrawn = "Rút hồ sơ",
}

local function counts(opts)
  local out = {}
  for _, group in ipairs(dossiers.group_by("source", opts)) do out[group.key] = group.count end
  return out
end

local function day(t) return t and text.format_date(t) or "" end

-- What two systems must agree on.
local function signature(d)
  return table.concat({ d.status, day(d.due_at), day(d.finished_at) }, "|")
end

function M.build(period, options)
  local end_day = text.format_date(period.to)
  local all = counts{ scope = "all", received_in = period }
  local primary = counts{ received_in = period }
  local open = counts{ scope = "all", open_on = end_day }
  local sources = {}
  for source in pairs(all) do sources[#sources + 1] = source end
  table.sort(sources)

  local doc = report.document{
    title = "ĐỐI SOÁT DỮ LIỆU GIỮA CÁC NGUỒN",
    subtitle = ("Hồ sơ tiếp nhận từ ngày %s đến ngày %s"):format(text.format_date(period.from), end_day),
    decimal = options.decimal,
  }
  local rows = {}
  for i, source in ipairs(sources) do
    rows[i] = { source, all[source], primary[source] or 0, all[source] - (primary[source] or 0), open[source] or 0 }
  end
  doc:table(report.numbered{
    title = "Theo nguồn dữ liệu",
    columns = {
      { title = "Nguồn", type = "text", width = 16 },
      { title = "Bản ghi", type = "integer", width = 10 },
      { title = "Được tính (bản chính)", type = "integer", width = 14 },
      { title = "Trùng với nguồn khác", type = "integer", width = 14 },
      { title = "Chưa kết thúc cuối kỳ", type = "integer", width = 14 },
    },
    rows = rows,
    total = "Tổng cộng",
  })

  -- Records of one code from several sources: the same dossier seen by several systems.
  local seen, groups = {}, {}
  for d in dossiers.query{ scope = "all", received_in = period, order = "unordered" } do
    local record = { source = d.source, status = d.status, signature = signature(d) }
    local first = seen[d.code]
    if not first then
      seen[d.code] = record
    else
      if not groups[d.code] then groups[d.code] = { first } end
      table.insert(groups[d.code], record)
    end
  end
  local codes, disagreeing = {}, {}
  for code, records in pairs(groups) do
    codes[#codes + 1] = code
    for i = 2, #records do
      if records[i].signature ~= records[1].signature then disagreeing[#disagreeing + 1] = code break end
    end
  end
  table.sort(disagreeing)

  local details = {}
  for i, code in ipairs(disagreeing) do
    local records = groups[code]
    table.sort(records, function(a, b) return a.source < b.source end)
    local by_source = {}
    for _, r in ipairs(records) do
      local due, finished = r.signature:match("^[^|]*|([^|]*)|(.*)$")
      by_source[#by_source + 1] = ("%s: %s%s%s"):format(r.source, STATUS[r.status] or r.status,
        due ~= "" and (", hạn " .. due) or "", finished ~= "" and (", hoàn thành " .. finished) or "")
    end
    details[i] = { code, dossiers.get(code).source, table.concat(by_source, "; ") }
  end
  doc:paragraph(("Có %s hồ sơ được nhiều nguồn ghi nhận (mỗi hồ sơ chỉ tính một lần, theo bản chính), trong đó %s hồ sơ có thông tin lệch giữa các nguồn.")
    :format(text.format_number(#codes), text.format_number(#disagreeing)))
  doc:table(report.numbered{
    title = "Hồ sơ lệch thông tin giữa các nguồn",
    columns = {
      { title = "Mã hồ sơ", type = "text", width = 24 },
      { title = "Nguồn chính", type = "text", width = 12 },
      { title = "Thông tin theo từng nguồn", type = "text", width = 80 },
    },
    rows = details,
  })
  return doc
end

return M
