-- Reads the text file the centre edits for the periodic report.
--
-- The file has two parts separated by a line `---`:
--   * the header: `Key: value` lines (Cơ quan, Số, Địa danh, Trích yếu, Nơi nhận, ...); a key
--     may repeat (one line of "Nơi nhận" or of the signer's title each);
--   * the body: paragraphs separated by blank lines, `# ` for a section heading, `## ` for a
--     subsection, and placeholders such as `{{tiep-nhan}}` where the report writes prose from
--     the figures. Text after a placeholder in the same paragraph continues its last paragraph.

local C = {}

-- Header keys as the file writes them (diacritics and case do not matter) → field names.
local KEYS = {
  ["co quan chu quan"] = "parent",
  ["co quan"] = "issuer",
  ["so"] = "number",
  ["dia danh"] = "place",
  ["ten bao cao"] = "title",
  ["trich yeu"] = "subtitle",
  ["noi nhan"] = "recipients",
  ["chuc vu nguoi ky"] = "signer_title",
  ["nguoi ky"] = "signer",
}
local REPEATED = { recipients = true, signer_title = true }

local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end

local function lines(source)
  local out = {}
  for line in (source:gsub("\r\n", "\n") .. "\n"):gmatch("(.-)\n") do out[#out + 1] = line end
  return out
end

-- The header and the body's blocks: { kind = "heading", level =, text = } |
-- { kind = "paragraph", text =, line = } | { kind = "placeholder", name =, before =, after =, line = }.
function C.parse(source, name)
  source = text.nfc(source)
  local all = lines(source)
  local header = { recipients = {}, signer_title = {} }
  local first = 1
  for i, line in ipairs(all) do
    if trim(line) == "---" then
      for j = 1, i - 1 do
        local l = all[j]
        if trim(l) ~= "" then
          local key, value = l:match("^([^:]+):(.*)$")
          local field = key and KEYS[text.fold(trim(key))]
          if not field then
            error(("%s:%d: '%s' is not a header line (Key: value; keys: Cơ quan chủ quản, Cơ quan, Số, Địa danh, Tên báo cáo, Trích yếu, Nơi nhận, Chức vụ người ký, Người ký)"):format(name, j, l), 0)
          end
          value = trim(value)
          if REPEATED[field] then
            if value ~= "" then table.insert(header[field], value) end
          elseif value ~= "" then
            header[field] = value
          end
        end
      end
      first = i + 1
      break
    end
  end

  local blocks, paragraph, start = {}, nil, nil
  local function flush()
    if not paragraph then return end
    local body = table.concat(paragraph, " ")
    local before, placeholder, after = body:match("^(.-){{%s*([%w%-%.]+)%s*}}(.*)$")
    if placeholder then
      if after:find("{{", 1, true) then
        error(("%s:%d: one placeholder per paragraph"):format(name, start), 0)
      end
      table.insert(blocks, { kind = "placeholder", name = placeholder, before = trim(before), after = trim(after), line = start })
    else
      table.insert(blocks, { kind = "paragraph", text = body, line = start })
    end
    paragraph = nil
  end
  for i = first, #all do
    local line = trim(all[i])
    local hashes, heading = line:match("^(#+)%s+(.+)$")
    if line == "" then
      flush()
    elseif hashes then
      flush()
      if #hashes > 3 then error(("%s:%d: headings go from # to ###"):format(name, i), 0) end
      table.insert(blocks, { kind = "heading", level = #hashes, text = heading, line = i })
    else
      if not paragraph then paragraph, start = {}, i end
      table.insert(paragraph, line)
    end
  end
  flush()
  return header, blocks
end

return C
