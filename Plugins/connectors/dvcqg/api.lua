--- The portal's dossier-sync API: the same objects as the JSON export, fetched page by page
--- from a URL on a granted host, with a bearer token from the granted DVCQG_TOKEN.
---
---   GET <source>?page=1&size=100[&TuNgay=yyyyMMddHHmmss][&DenNgay=yyyyMMddHHmmss]
---   Authorization: Bearer $DVCQG_TOKEN
---   → { "MaDonVi": …, "TrangHienTai": 1, "TongSoTrang": 3, "data": [ … ] }
---
--- Pages are read in order until TongSoTrang. Any failure (a status other than 200, a body that
--- is not the envelope above, a timeout) is an error naming the URL and the page, so the host
--- writes nothing: a sync is imported whole or not at all. See docs/connectors.md.
local api = {}

--- What `--option name=value` may set for a URL source.
local known_options = {
  since = "dossiers changed from this time (TuNgay), e.g. 01/01/2026",
  ["until"] = "dossiers changed up to this time (DenNgay), e.g. 31/01/2026 23:59",
  size = "dossiers per page, 1 to 1000 (default 100)",
  timeout = "seconds to wait for one page (default 30)",
}

local function option_error(name, message)
  error("dvcqg: --option " .. name .. ": " .. message, 0)
end

--- A time option as the API writes it, yyyyMMddHHmmss in the centre's zone.
local function stamp(options, name)
  local value = options[name]
  if value == nil then return nil end
  local at, why = text.parse_date(value)
  if not at then option_error(name, why) end
  return text.format_date(at, "yyyyMMddHHmmss")
end

local function number(options, name, default, low, high)
  local value = options[name]
  if value == nil then return default end
  local n = tonumber(value)
  if not n or n < low or n > high then
    option_error(name, "'" .. tostring(value) .. "' is not a number from " .. low .. " to " .. high)
  end
  return n
end

--- The request's query and headers, from the options and the granted token.
local function request(options)
  for name in pairs(options) do
    if not known_options[name] then
      local names = {}
      for known in pairs(known_options) do names[#names + 1] = known end
      table.sort(names)
      option_error(tostring(name), "unknown option (known: " .. table.concat(names, ", ") .. ")")
    end
  end
  local query = {
    size = math.tointeger(number(options, "size", 100, 1, 1000)) or option_error("size", "must be a whole number"),
    TuNgay = stamp(options, "since"),
    DenNgay = stamp(options, "until"),
  }
  local headers = { Accept = "application/json" }
  local granted, token = pcall(os.getenv, "DVCQG_TOKEN")
  if not granted then
    error("dvcqg: the operator's policy withholds DVCQG_TOKEN, the API's token", 0)
  end
  if token and token ~= "" then headers.Authorization = "Bearer " .. token end
  return query, headers, number(options, "timeout", 30, 0.001, 3600)
end

--- Fetches page `page` and returns its envelope, or raises an error naming the URL and page.
local function fetch(source, page, query, headers, timeout)
  query.page = page
  local response = http.get(source, { query = query, headers = headers, timeout = timeout })
  local where = response.url .. " (page " .. page .. ")"
  if response.status == 401 or response.status == 403 then
    error(where .. ": HTTP " .. response.status .. ": the portal refused the token (is DVCQG_TOKEN set, granted and valid?)", 0)
  elseif response.status ~= 200 then
    error(where .. ": HTTP " .. response.status .. " " .. response.body:sub(1, 200), 0)
  end
  local ok, document = pcall(json.decode, response.body)
  if not ok then error(where .. ": " .. document, 0) end
  if type(document) ~= "table" or type(document.data) ~= "table" then
    error(where .. ": not a page of the dossier-sync API (no \"data\" array of dossiers)", 0)
  end
  if math.type(document.TongSoTrang) ~= "integer" or document.TongSoTrang < 0 then
    error(where .. ": not a page of the dossier-sync API (no whole TongSoTrang)", 0)
  end
  if document.TrangHienTai ~= nil and document.TrangHienTai ~= page then
    error(where .. ": the portal answered page " .. tostring(document.TrangHienTai) .. " instead", 0)
  end
  return document
end

--- The pages of `source`, for init.lua's records: a function giving each page's dossier-sync
--- objects and the prefix of their origins ("URL page N:"), nil after the last page. A page is
--- fetched only when asked for, once the one before is used up.
function api.pages(source, options)
  local query, headers, timeout = request(options or {})
  local page, pages = 0, 1
  return function()
    if page >= pages then return nil end
    page = page + 1
    local document = fetch(source, page, query, headers, timeout)
    pages = document.TongSoTrang
    if #document.data == 0 and page < pages then
      error(source .. " (page " .. page .. "): empty, though TongSoTrang is " .. pages, 0)
    end
    return document.data, source .. " page " .. page .. ":"
  end
end

return api
