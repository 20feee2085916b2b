-- Báo cáo định kỳ: the periodic report as an official document (header block, title, sections,
-- closing block). Prose from figures where the body says {{tiep-nhan}} and {{pakn}}; the rest
-- from the text file of option `text`.
local content = require("content")
local prose = require("prose")

local M = {}

-- Options the operator gives with --option name=value; the host checks and converts them.
M.options = {
  text = {
    kind = "file",
    default = "$PLUGIN/noi-dung.txt",
    description = "Tệp nội dung do Trung tâm soạn: phần đầu văn bản, mục I.2, II, III, nơi nhận, người ký",
  },
  decimal = {
    values = { ".", "," },
    default = ".",
    description = "Dấu thập phân trong lời văn (báo cáo mẫu viết 98.7%)",
  },
  date = {
    description = "Ngày ký, dd/MM/yyyy (mặc định để trống: 'ngày tháng năm')",
  },
  layout = {
    values = { "seed", "provincial" },
    default = "seed",
    description = "Cách xếp hồ sơ rút và tạm dừng: seed (dòng riêng) hoặc provincial",
  },
  indicators = {
    default = "digitisation,data_reuse,online_payment",
    description = "Các chỉ số đưa vào lời văn mục I.1, cách nhau bởi dấu phẩy",
  },
}

-- A prose report: tables-only formats (CSV, XLSX) would leave out what it says.
M.formats = { "docx", "html", "md", "json" }

local function file_name(path) return path:match("([^/]+)$") end

function M.build(period, options)
  local name = file_name(options.text)
  local header, blocks = content.parse(fs.read_file(options.text), name)
  local figures = stats.figures(period, { layout = options.layout })

  local year = tonumber(text.format_date(period.to, "yyyy"))
  local issuer = {}
  if header.parent then issuer[#issuer + 1] = header.parent end
  if header.issuer then issuer[#issuer + 1] = header.issuer end
  local doc = report.document{
    title = header.title or "BÁO CÁO",
    subtitle = header.subtitle,
    issuer = issuer,
    number = header.number and ("Số: " .. header.number),
    place_date = header.place and report.place_date(header.place, options.date and { date = options.date } or { year = year }),
    decimal = options.decimal,
    author = header.issuer,
  }

  -- What each placeholder writes, as paragraphs.
  local placeholders = {
    ["tiep-nhan"] = function() return prose.intake(figures, period, options.indicators, options.decimal) end,
    ["pakn"] = function() return prose.feedback(figures.feedback, period) end,
  }

  for _, block in ipairs(blocks) do
    if block.kind == "heading" then
      doc:heading(block.text, block.level)
    elseif block.kind == "paragraph" then
      doc:paragraph(block.text)
    else
      local write = placeholders[block.name]
      if not write then
        error(("%s:%d: unknown placeholder {{%s}} (known: tiep-nhan, pakn)"):format(name, block.line, block.name), 0)
      end
      local paragraphs = write()
      if block.before ~= "" then paragraphs[1] = block.before .. " " .. paragraphs[1] end
      if block.after ~= "" then paragraphs[#paragraphs] = paragraphs[#paragraphs] .. " " .. block.after end
      for _, paragraph in ipairs(paragraphs) do doc:paragraph(paragraph) end
    end
  end

  if header.signer or #header.signer_title > 0 then
    local recipients = {}
    for _, line in ipairs(header.recipients) do recipients[#recipients + 1] = "- " .. line end
    doc:signature{ recipients = recipients, title = header.signer_title, name = header.signer }
  end
  return doc
end

return M
