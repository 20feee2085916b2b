-- The prose of sections I.1 and I.3, written from the figures in the seed report's own words
-- and number style: 4.266 with a dot between thousands, rates with the report's decimal mark,
-- lines with no dossier left out ("0 hồ sơ qua bưu chính" is not written), and feedback counts
-- under ten written with a leading zero ("08 phản ánh"), as the seed writes them.

local P = {}

-- Who the prose speaks of.
P.centre = "Trung tâm Phục vụ hành chính công"
P.centre_short = "Trung tâm"

-- Lines of each sentence, in the seed's order: counter, words after "N hồ sơ".
local INTAKE = {
  { "new_online", "trực tuyến tiếp nhận trong kỳ" },
  { "new_in_person", "trực tiếp" },
  { "new_postal", "qua dịch vụ bưu chính công ích" },
  { "carried_over", "từ kỳ trước chuyển sang" },
}
local FINISHED = {
  { "early", "giải quyết trước hạn" },
  { "on_time", "đúng hạn" },
  { "late", "quá hạn" },
  { "refused", "từ chối" },
  { "withdrawn", "rút" },
}
local IN_PROGRESS = {
  { "within_limit", "trong hạn" },
  { "overdue", "quá hạn" },
  { "supplement_requested", "yêu cầu bổ sung" },
  { "awaiting_payment", "chờ thực hiện nghĩa vụ tài chính" },
}

local function n(value) return text.format_number(value) end

-- "08" for counts under ten, as section I.3 of the seed writes them.
local function n2(value)
  if value < 10 then return ("%02d"):format(value) end
  return n(value)
end

-- "a, b và c" (with_and) or "a, b, c": the seed joins the intake with "và", the rest with commas.
local function join(items, with_and)
  if with_and and #items > 1 then
    return table.concat(items, ", ", 1, #items - 1) .. " và " .. items[#items]
  end
  return table.concat(items, ", ")
end

local function lines(spec, figures)
  local out = {}
  for _, line in ipairs(spec) do
    local value = figures[line[1]]
    if value > 0 then out[#out + 1] = n(value) .. " hồ sơ " .. line[2] end
  end
  return out
end

local function clause(sentence, items, with_and)
  if #items == 0 then return sentence end
  return sentence .. ", trong đó có " .. join(items, with_and)
end

-- "Từ ngày 01/01/2026 đến ngày 25/5/2026"
function P.since(period)
  return ("Từ ngày %s đến ngày %s"):format(text.format_date(period.from, "prose"), text.format_date(period.to, "prose"))
end

-- Section I.1: the dossiers received, finished and in progress; then the indicators.
function P.intake(figures, period, indicator_ids, decimal)
  local received = clause(("%s, %s đã tiếp nhận %s hồ sơ giải quyết thủ tục hành chính")
    :format(P.since(period), P.centre, n(figures.received)), lines(INTAKE, figures), true)
  local finished = clause(("Đã trả kết quả %s hồ sơ"):format(n(figures.finished)), lines(FINISHED, figures))
  local open = clause(("Có %s hồ sơ đang giải quyết"):format(n(figures.in_progress)), lines(IN_PROGRESS, figures))
  local paragraphs = { received .. ". " .. finished .. ". " .. open .. "." }

  local by_id = {}
  for _, indicator in ipairs(figures.indicators) do by_id[indicator.id] = indicator end
  local rates = {}
  for id in indicator_ids:gmatch("[^,%s]+") do
    local indicator = by_id[id]
    if not indicator then error(("unknown indicator '%s' in option indicators"):format(id), 0) end
    if indicator.value then
      rates[#rates + 1] = ("%s đạt %s."):format(indicator.name, text.format_percent(indicator.value, { decimal = decimal }))
    end
  end
  if #rates > 0 then paragraphs[#paragraphs + 1] = table.concat(rates, " ") end
  return paragraphs
end

-- Section I.3: citizens' feedback (PAKN) received and handled, and whether on time.
function P.feedback(feedback, period)
  local total = feedback.received + feedback.carried_over
  if total == 0 then
    return { ("%s, %s không tiếp nhận phản ánh, kiến nghị (PAKN) nào từ công dân."):format(P.since(period), P.centre_short) }
  end
  local first
  if feedback.received > 0 then
    first = ("%s, %s đã tiếp nhận %s phản ánh, kiến nghị (PAKN) từ công dân"):format(
      P.since(period), P.centre_short, n2(feedback.received))
    if feedback.carried_over > 0 then
      first = first .. (" (ngoài %s PAKN từ kỳ trước chuyển sang)"):format(n2(feedback.carried_over))
    end
  else
    first = ("%s, %s không tiếp nhận phản ánh, kiến nghị (PAKN) mới từ công dân; có %s PAKN từ kỳ trước chuyển sang"):format(
      P.since(period), P.centre_short, n2(feedback.carried_over))
  end
  if feedback.handled > 0 then
    first = first .. ("; đã thực hiện xử lý %s PAKN."):format(n2(feedback.handled))
  else
    first = first .. "; chưa có PAKN nào được xử lý xong."
  end

  local second
  if feedback.handled == total and feedback.handled_on_time == feedback.handled then
    second = "Các PAKN trên được thực hiện xử lý đúng thời hạn, có văn bản trả lời gửi tới công dân đảm bảo theo quy định."
  else
    local parts = {}
    if feedback.handled_on_time > 0 then parts[#parts + 1] = n2(feedback.handled_on_time) .. " PAKN được xử lý đúng thời hạn" end
    local late = feedback.handled - feedback.handled_on_time
    if late > 0 then parts[#parts + 1] = n2(late) .. " PAKN xử lý quá hạn" end
    if feedback.rejected > 0 then parts[#parts + 1] = n2(feedback.rejected) .. " PAKN không được thụ lý" end
    if feedback.open > 0 then parts[#parts + 1] = n2(feedback.open) .. " PAKN đang xử lý" end
    second = "Trong đó có " .. table.concat(parts, ", ") .. "."
  end
  return { first, second }
end

return P
