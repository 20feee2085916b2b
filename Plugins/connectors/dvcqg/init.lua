--- The national public-service portal (Cổng Dịch vụ công quốc gia): its dossier-sync export,
--- a JSON document whose `data` array holds one object per dossier with Vietnamese field names
--- (MaHoSo, MaTTHC, TenTTHC, TenLinhVuc, KenhThucHien, NgayTiepNhan, NgayHenTra,
--- NgayKetThucXuLy, TrangThaiHoSo, …), numeric codes and dates written yyyyMMddHHmmss.
---
--- The source is the export's file, or the URL of the portal's dossier-sync API, read page by
--- page (api.lua) into the same records.
---
--- Codes are mapped through the tables beside this file (status-codes.lua, channel-codes.lua,
--- departments.lua), never guessed: a code the tables lack makes its record a rejection that
--- names the code. See docs/connectors.md for the format and the assumptions.
local status_codes = require("status-codes")
local channel_codes = require("channel-codes")
local departments = require("departments")

local M = {}

--- The dossier-sync objects of `source`, which must be a JSON object with a `data` array.
local function dossiers(source)
  local document = json.decode(fs.read_file(source))
  if type(document) ~= "table" or type(document.data) ~= "table" then
    error(source .. ": not a dossier-sync export of the national portal (no \"data\" array of dossiers)", 0)
  end
  return document.data
end

--- A value of the export as text: codes may come as numbers or strings, null as json.null.
local function text(value)
  if value == nil or value == json.null then return nil end
  if math.type(value) == "integer" then return tostring(value) end
  return value
end

--- Whether a flag of the export is set: 1, "1", true.
local function flag(value)
  return value == true or value == 1 or value == "1"
end

--- The fee list of a dossier: whether a fee is payable, and whether it was paid online.
local function fees(list)
  local payable, online = false, false
  if type(list) == "table" then
    for _, fee in ipairs(list) do
      if (tonumber(fee.MucPhi) or 0) > 0 then
        payable = true
        online = online or flag(fee.DaThanhToanTrucTuyen)
      end
    end
  end
  return payable, online
end

--- One object of `data` as a canonical record, or nil (and the reason) for one the centre has
--- not received yet.
function M.record(item, origin)
  local code_text = text(item.TrangThaiHoSo)
  local mapped = status_codes[code_text or ""]
  if mapped and mapped.skip then return nil, mapped.skip end
  local channel_text = text(item.KenhThucHien)
  local channel = channel_codes[channel_text or ""]
  local field = text(item.TenLinhVuc)
  local payable, paid_online = fees(item.DanhSachLePhi)
  local reject
  if not mapped then
    reject = "TrangThaiHoSo " .. tostring(code_text) .. " has no mapping in dvcqg/status-codes.lua"
  elseif not channel then
    reject = "KenhThucHien " .. tostring(channel_text) .. " has no mapping in dvcqg/channel-codes.lua"
  elseif field and not departments[field] then
    reject = "TenLinhVuc '" .. field .. "' has no department in dvcqg/departments.lua"
  end
  return {
    origin = origin,
    code = text(item.MaHoSo),
    source = "dvcqg",
    procedure_code = text(item.MaTTHC),
    procedure_name = text(item.TenTTHC),
    field = field,
    department = field and departments[field],
    channel = channel,
    fully_online = channel == "online" and flag(item.ToanTrinh),
    received_at = text(item.NgayTiepNhan),
    due_at = text(item.NgayHenTra),
    status = mapped and mapped.status,
    finished_at = mapped and mapped.finished and text(item[mapped.finished]) or nil,
    digitised = flag(item.DaSoHoa),
    data_reused = flag(item.TaiSuDungDuLieu),
    fee_payable = payable,
    paid_online = paid_online,
    applicant_name = text(item.ChuHoSo),
    applicant_id = text(item.SoGiayToChuHoSo),
    applicant_phone = text(item.SoDienThoai),
    applicant_address = text(item.DiaChi),
    reject = reject,
  }
end

--- The records of `pages`, one at a time: `pages()` gives the next page's dossier objects and
--- the prefix of their origins ("file.json:"), nil after the last. A dossier submitted online
--- but not yet received is skipped, and the skipped are counted in the log at the end.
local function records(source, pages)
  local items, prefix, index, skipped = {}, nil, 0, 0
  return function()
    while true do
      index = index + 1
      local item = items[index]
      if item == nil then
        local page, page_prefix = pages()
        if page == nil then
          if skipped > 0 then
            log.info(source .. ": " .. skipped .. " dossier(s) submitted online but not yet received, not imported")
          end
          return nil
        end
        items, prefix, index = page, page_prefix, 0
      else
        local origin = prefix .. "data[" .. index .. "]"
        if type(item) ~= "table" then
          error(origin .. ": expected a dossier object, got " .. type(item), 0)
        end
        local record = M.record(item, origin)
        if record then return record end
        skipped = skipped + 1
      end
    end
  end
end

--- The records of an export file, or of every page of an API URL (options: since, until, size,
--- timeout; see api.lua).
function M.read(source, options)
  if source:lower():match("^https?://") then
    return records(source, require("api").pages(source, options))
  end
  local items = dossiers(source)
  return records(source, function()
    local page = items
    items = nil
    return page, source .. ":"
  end)
end

return M
