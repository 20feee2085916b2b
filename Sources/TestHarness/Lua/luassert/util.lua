--- Helpers shared by luassert's assertions, spies and matchers: deep comparison with the
-- path to the first difference, argument lists that keep trailing nils, argument matching.
local position = require("busted.position")
position.mark_internal()

local util = {}
local arglist_mt = {}

function util.pack(...) return { n = select("#", ...), ... } end
function util.unpack(t, i, j) return table.unpack(t, i or 1, j or t.n or #t) end

local function metatable_of(value)
  local mt = getmetatable(value)
  if type(mt) == "table" then return mt end
  return nil
end

--- Deep equality of two values. Returns false and the "crumbs" (the keys from the
-- difference up to the root) when they differ. Tables sharing a metatable with __eq are
-- compared with == unless `ignore_mt`. Cycles are followed a bounded number of times.
function util.deepcompare(t1, t2, ignore_mt, cycles, thresh1, thresh2)
  if type(t1) ~= "table" or type(t2) ~= "table" then return t1 == t2 end
  local mt1, mt2 = metatable_of(t1), metatable_of(t2)
  if mt1 and mt1 == mt2 and mt1.__eq then
    if not ignore_mt then return t1 == t2 end
  elseif rawequal(t1, t2) then
    return true
  end

  cycles = cycles or { {}, {} }
  thresh1, thresh2 = thresh1 or 1, thresh2 or 1
  local seen1, seen2 = cycles[1][t1] or 0, cycles[2][t2] or 0
  cycles[1][t1], cycles[2][t2] = seen1, seen2
  if seen1 == 1 or seen2 == 1 then
    thresh1, thresh2 = seen1 + 1, seen2 + 1
  end
  if seen1 > thresh1 and seen2 > thresh2 then return true end
  cycles[1][t1], cycles[2][t2] = seen1 + 1, seen2 + 1

  for key, v1 in next, t1 do
    local v2 = t2[key]
    if v2 == nil then return false, { key } end
    local same, crumbs = util.deepcompare(v1, v2, nil, cycles, thresh1, thresh2)
    if not same then
      crumbs = crumbs or {}
      crumbs[#crumbs + 1] = key
      return false, crumbs
    end
  end
  for key in next, t2 do
    if t1[key] == nil then return false, { key } end
  end

  cycles[1][t1], cycles[2][t2] = cycles[1][t1] - 1, cycles[2][t2] - 1
  return true
end

function util.shallowcopy(t)
  if type(t) ~= "table" then return t end
  local copy = {}
  for key, value in next, t do copy[key] = value end
  pcall(setmetatable, copy, getmetatable(t))
  return copy
end

function util.deepcopy(t, deepmt, cache)
  if type(t) ~= "table" then return t end
  local spy = require("luassert.spy")
  cache = cache or {}
  if cache[t] then return cache[t] end
  local copy = {}
  cache[t] = copy
  for key, value in next, t do
    copy[key] = spy.is_spy(value) and value or util.deepcopy(value, deepmt, cache)
  end
  local mt = getmetatable(t)
  if deepmt then mt = util.deepcopy(mt, false, cache) end
  pcall(setmetatable, copy, mt)
  return copy
end

--- Copies an argument list twice: by value (deep, for later comparison) and by reference.
function util.copyargs(args)
  local match = require("luassert.match")
  local spy = require("luassert.spy")
  local vals = setmetatable({}, getmetatable(args))
  for key, value in pairs(args) do
    vals[key] = (match.is_matcher(value) or spy.is_spy(value)) and value or util.deepcopy(value)
  end
  return { vals = vals, refs = util.shallowcopy(args) }
end

function util.cleararglist(arglist)
  for i = arglist.n, 1, -1 do util.tremove(arglist, i) end
  arglist.n = nil
end

local function matcharg(args, refs, specs)
  local match = require("luassert.match")
  for index, value in pairs(args) do
    local spec = specs[index]
    if match.is_matcher(spec) then
      if match.is_ref_matcher(spec) then value = refs[index] end
      if not spec(value) then return false end
    elseif spec == nil or not util.deepcompare(value, spec) then
      return false
    end
  end
  for index, spec in pairs(specs) do
    if args[index] == nil then
      if not (match.is_matcher(spec) and spec(nil)) then return false end
    end
  end
  return true
end

--- The last recorded call (or return) whose values match `specs`, or nil.
function util.matchargs(invocations, specs)
  for i = #invocations, 1, -1 do
    local invocation = invocations[i]
    if matcharg(invocation.vals, invocation.refs, specs) then return invocation end
  end
  return nil
end

--- The first stubbed behaviour whose arguments match the actual call, or nil.
function util.matchoncalls(oncalls, args)
  for _, callspecs in ipairs(oncalls) do
    if matcharg(args, args, callspecs.vals) then return callspecs end
  end
  return nil
end

--- table.insert that keeps nils, using field `n` as the length.
function util.tinsert(...)
  local t, pos, value = ...
  if select("#", ...) < 3 then pos, value = nil, pos end
  t.n = (t.n or #t) + 1
  if not pos then
    pos = t.n
  elseif pos > t.n then
    t[pos] = value
    t.n = pos
  end
  for i = t.n, pos + 1, -1 do t[i] = t[i - 1] end
  t[pos] = value
end

--- table.remove that keeps nils, using field `n` as the length.
function util.tremove(t, pos)
  t.n = t.n or #t
  if not pos then
    pos = t.n
  elseif pos > t.n then
    local removed = t[pos]
    t[pos] = nil
    return removed
  end
  local removed = t[pos]
  for i = pos, t.n do t[i] = t[i + 1] end
  t[t.n] = nil
  t.n = t.n - 1
  return removed
end

function util.callable(value)
  if type(value) == "function" then return true end
  local mt = metatable_of(value)
  return mt ~= nil and type(mt.__call) == "function"
end

function util.hastostring(value)
  if type(value) == "string" then return true end
  local mt = metatable_of(value)
  return mt ~= nil and type(mt.__tostring) == "function"
end

--- The error level, seen from the caller, of the first frame outside the harness.
function util.errorlevel(level)
  local found = position.outside((level or 1) + 1)
  if not found then return 1 end
  return found - 1
end

--- Splits a chain's tokens ("is", "not", "same") into registered words, longest first,
-- scanning from the end. Raises at the spec's line on an unknown word.
function util.extract_keys(kind, tokens)
  local namespace = require("luassert.namespaces")
  local words = namespace[kind]
  local keys = {}
  local key
  local i = #tokens
  while i > 0 do
    key = key and (tokens[i] .. "_" .. key) or tokens[i]
    while i > 1 and words[tokens[i - 1] .. "_" .. key] do
      key = tokens[i - 1] .. "_" .. key
      i = i - 1
    end
    if namespace.modifier[key] or words[key] then
      table.insert(keys, 1, key)
      key = nil
    end
    i = i - 1
  end
  if key then
    error("luassert: unknown modifier/" .. kind .. ": '" .. key .. "'", position.outside(1) or 1)
  end
  return keys
end

function util.make_arglist(...)
  return setmetatable({ n = select("#", ...), ... }, arglist_mt)
end

function util.is_arglist(value)
  return getmetatable(value) == arglist_mt
end

return util
