-- The portal's dossier-sync API, served by a fake server on 127.0.0.1 from recorded pages
-- (fixtures/api/trang-N.json: the dossiers of dong-bo-ho-so.json, three pages): paging, the
-- options, and failures that write nothing.
local fixtures = require("hostrun.fixtures")
local plugin = require("hostrun.plugin")
local fake_http = require("hostrun.fake_http")

local path = "/dongbo/hoso"

local function page(n)
  return { body = fixtures.read("fixtures/api/trang-" .. n .. ".json"), headers = { ["Content-Type"] = "application/json" } }
end

--- A server answering pages 1..3 (page 1..3 of size 100), with `changes` replacing some.
local function serve(changes)
  local routes = {}
  for n = 1, 3 do routes[path .. "?page=" .. n .. "&size=100"] = page(n) end
  for route, response in pairs(changes or {}) do routes[path .. route] = response end
  return fake_http.start{ routes = routes }
end

local function import(server, opts)
  opts = opts or {}
  opts.connector = "dvcqg"
  return fixtures.load(server.url .. path, opts)
end

--- The error of importing from `server`, and the dossiers written (none, we expect).
local function failure(server, opts)
  local ok, err = pcall(import, server, opts)
  assert.is_false(ok)
  return err, dossiers.count{}
end

describe("dvcqg over the sync API", function()
  before_each(fixtures.fresh_store)

  it("reads every page in order and lands each dossier once", function()
    local server = serve()
    local result = import(server)
    assert.are.same({ 7, 0 }, { result.inserted, result.rejected })            -- 8 listed, 1 only submitted
    assert.are.equal(7, dossiers.count{ source = "dvcqg" })
    local targets = {}
    for i, request in ipairs(server:requests()) do targets[i] = request.method .. " " .. request.target end
    assert.are.same({ "GET " .. path .. "?page=1&size=100", "GET " .. path .. "?page=2&size=100",
                      "GET " .. path .. "?page=3&size=100" }, targets)
    assert.are.equal("application/json", server:requests()[1].headers.accept)
  end)

  it("maps the API's objects exactly as the export's", function()
    import(serve())
    local birth = dossiers.get("G22.31.21-260105-0001", "dvcqg")
    assert.are.same({ "returned", "online", "Văn phòng HĐND và UBND" }, { birth.status, birth.channel, birth.department })
    assert.are.equal("05/01/2026 09:30", text.format_date(birth.finished_at, "datetime"))
  end)

  it("changes nothing when the same sync comes again", function()
    local server = serve()
    import(server)
    local again = import(server)
    assert.are.same({ 0, 0, 7 }, { again.inserted, again.updated, again.unchanged })
  end)

  it("names the page and item of each record", function()
    local url = serve().url .. path
    local dvcqg = plugin.load{ sources = { url } }
    local origins = {}
    for record in dvcqg.read(url, {}) do origins[#origins + 1] = record.origin end
    assert.are.equal(7, #origins)
    assert.are.equal(url .. " page 1:data[1]", origins[1])
    assert.are.equal(url .. " page 3:data[2]", origins[7])
  end)

  it("asks for a span and a page size given as options", function()
    local server = fake_http.start{ routes = { [path] = { page(1), page(2), page(3) } } }
    import(server, { options = { since = "01/01/2026", ["until"] = "31/01/2026 23:59", size = "3" } })
    local requests = server:requests()
    assert.are.equal(3, #requests)
    assert.are.equal("DenNgay=20260131235900&TuNgay=20260101000000&page=1&size=3", requests[1].query)
    assert.are.equal("DenNgay=20260131235900&TuNgay=20260101000000&page=3&size=3", requests[3].query)
  end)

  it("refuses options it does not know, and bad values", function()
    local err = failure(serve(), { options = { sicne = "01/01/2026" } })
    assert.matches("%-%-option sicne: unknown option %(known: since, size, timeout, until%)", err)
    err = failure(serve(), { options = { size = "5000" } })
    assert.matches("%-%-option size: '5000' is not a number from 1 to 1000", err)
    err = failure(serve(), { options = { since = "32/01/2026" } })
    assert.matches("%-%-option since:", err)
  end)

  it("writes nothing when a later page fails, naming the URL and the page", function()
    local err, written = failure(serve{ ["?page=3&size=100"] = { status = 500, body = "Lỗi hệ thống" } })
    assert.matches("/dongbo/hoso%?page=3&size=100 %(page 3%): HTTP 500 Lỗi hệ thống", err)
    assert.are.equal(0, written)
  end)

  it("says the token was refused on 401", function()
    local err, written = failure(serve{ ["?page=1&size=100"] = { status = 401, body = "" } })
    assert.matches("%(page 1%): HTTP 401: the portal refused the token %(is DVCQG_TOKEN set, granted and valid%?%)", err)
    assert.are.equal(0, written)
  end)

  it("writes nothing when page 3 is not JSON or not a page", function()
    local err, written = failure(serve{ ["?page=3&size=100"] = { body = '{"data": [ {"MaHoSo": ' } })
    assert.matches("%(page 3%): json.decode: line %d+, column %d+", err)
    assert.are.equal(0, written)
    err, written = failure(serve{ ["?page=2&size=100"] = { body = '{"data": []}' } })
    assert.matches("%(page 2%): not a page of the dossier%-sync API %(no whole TongSoTrang%)", err)
    assert.are.equal(0, written)
  end)

  it("refuses a server that answers the same page again", function()
    local err = failure(serve{ ["?page=2&size=100"] = page(1) })
    assert.matches("%(page 2%): the portal answered page 1 instead", err)
  end)

  it("gives up on a slow page after the timeout, writing nothing", function()
    local slow = page(2)
    -- Generous enough that page 1 answers in time on a loaded CI machine.
    slow.delay = 4
    local err, written = failure(serve{ ["?page=2&size=100"] = slow }, { options = { timeout = "1.5" } })
    assert.matches("http.get: GET http://127%.0%.0%.1:%d+/dongbo/hoso%?page=2&size=100: no answer within 1%.5 s", err)
    assert.are.equal(0, written)
  end)

  it("refuses a redirect to a host it was not given", function()
    local server = serve()
    local elsewhere = server.url:gsub("127%.0%.0%.1", "localhost") .. path .. "?page=1&size=100"
    server:route(path .. "?page=1&size=100", { status = 302, headers = { Location = elsewhere } })
    local err, written = failure(server)
    assert.matches("redirected to http://localhost:%d+/dongbo/hoso%?page=1&size=100, but host 'localhost:%d+' is not granted", err)
    assert.are.equal(0, written)
  end)
end)
