-- Starting fake HTTP servers from a spec. Requests come from connectors through the `http`
-- module; the server itself is exercised by a Swift client in TestWorldTests.
local fake_http = require("hostrun.fake_http")

describe("a fake HTTP server", function()
  it("listens on a random port of 127.0.0.1", function()
    local a = fake_http.start{ routes = { ["/api/hoso?page=1"] = { status = 200, json = { items = {} } } } }
    local b = fake_http.start{ routes = {} }
    assert.matches("^http://127%.0%.0%.1:%d+$", a.url)
    assert.are_not.equal(a.url, b.url)
    assert.are.same({}, a:requests())
  end)

  it("takes routes later and stops", function()
    local server = fake_http.start{ lifetime = 5 }
    server:route("POST /api/token", { { status = 401 }, { status = 200, body = "tok" } })
    server:stop()
    server:stop()
    assert.are.same({}, server:requests())
  end)

  it("names a response field it does not know", function()
    assert.has_error(function()
      fake_http.start{ routes = { ["/x"] = { stauts = 200 } } }
    end, "route '/x', response 1: unknown field 'stauts'")
  end)

  it("refuses a bad status, delay and lifetime", function()
    local ok, err = pcall(fake_http.start, { routes = { ["/x"] = { status = 42 } } })
    assert.is_false(ok)
    assert.matches("route '/x', response 1: status must be an integer from 100 to 599", err, 1, true)
    for _, delay in ipairs({ 30, -1, "2" }) do
      ok, err = pcall(fake_http.start, { routes = { ["/slow"] = { delay = delay } } })
      assert.is_false(ok)
      assert.matches("route '/slow', response 1: delay must be a number of seconds from 0 to 10", err, 1, true)
    end
    ok, err = pcall(fake_http.start, { lifetime = -1 })
    assert.is_false(ok)
    assert.matches("from 0 to 3600 seconds", err, 1, true)
  end)
end)
