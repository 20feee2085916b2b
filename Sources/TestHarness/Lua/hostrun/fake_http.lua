--- `require("hostrun.fake_http")`: an HTTP server on 127.0.0.1 for connector specs.
--
--   local server = require("hostrun.fake_http").start{ routes = {
--     ["/api/hoso?page=1"] = { status = 200, json = { items = {...}, next = 2 } },
--     ["/api/hoso?page=2"] = { { status = 503 }, { status = 200, body = "[]" } },  -- in turn
--   } }
--   connector.read(server.url .. "/api/hoso?page=1", {})
--   assert.are.equal(2, #server:requests())
--
-- A route is "/path?query", "/path" (any query), or either after a method ("POST /api/x");
-- other requests get a 404 naming them. Every request is recorded. The server listens on a
-- random port until `server:stop()`, its `lifetime` (default 60 s) or the end of the spec file.
local position = require("busted.position")
position.mark_internal()
local call = require("hostrun.call")

local world = rawget(_G, "hostrun_test")
local fake_http = {}

local Server = {}
Server.__index = Server

local response_fields = { status = true, body = true, json = true, headers = true, delay = true }

-- A route's responses as the host takes them: a list of {status, body, headers, delay}.
local function responses(route, value, level)
  if type(value) ~= "table" then
    error(("route '%s': a response table or a list of them expected, got %s"):format(route, type(value)), level)
  end
  local list = value[1] ~= nil and value or { value }
  local out = {}
  for i, response in ipairs(list) do
    if type(response) ~= "table" then
      error(("route '%s', response %d: a table expected, got %s"):format(route, i, type(response)), level)
    end
    for key in pairs(response) do
      if not response_fields[key] then
        error(("route '%s', response %d: unknown field '%s'"):format(route, i, tostring(key)), level)
      end
    end
    local headers = {}
    for name, text in pairs(response.headers or {}) do headers[name] = text end
    local body = response.body
    if response.json ~= nil then
      body = json.encode(response.json)
      if headers["Content-Type"] == nil then headers["Content-Type"] = "application/json; charset=utf-8" end
    end
    out[i] = { status = response.status, body = body, headers = headers, delay = response.delay }
  end
  return out
end

--- Starts a server: `opts.routes` (route → response, or list of responses given in turn, the
-- last repeating), `opts.lifetime` (seconds). A response is { status = 200, body = "...",
-- json = value (encoded, Content-Type set), headers = { name = value }, delay = seconds }.
function fake_http.start(opts)
  opts = opts or {}
  for key in pairs(opts) do
    if key ~= "routes" and key ~= "lifetime" then
      error(("bad argument #1 to 'start' (unknown field '%s')"):format(tostring(key)), 2)
    end
  end
  local routes = {}
  for route, value in pairs(opts.routes or {}) do routes[route] = responses(route, value, 3) end
  local number, url = call.result(pcall(world.http_start, routes, opts.lifetime))
  return setmetatable({ url = url, number = number }, Server)
end

--- The requests received so far, oldest first: { method, target, path, query, headers, body }
-- (header names in lower case).
function Server:requests()
  return world.http_requests(self.number)
end

--- Adds or replaces a route.
function Server:route(route, value)
  world.http_route(self.number, route, responses(route, value, 3))
end

--- Stops the server (the end of the spec file stops it too).
function Server:stop()
  world.http_stop(self.number)
end

return fake_http
