--- Which tests run: name patterns (--filter, --filter-out), #tags (--tags, --exclude-tags),
-- list mode (--list: declare everything, run nothing) and stopping after the first error.
--
-- Filters veto registrations: they subscribe first to {"register", descriptor} and stop the
-- event, so a filtered-out test never exists. Tags are matched on the full name, as busted does.
local position = require("busted.position")
position.mark_internal()

local function has_tag(name, tag)
  return type(name) == "string" and name:find("#" .. tag) ~= nil
end

return function(busted, options)
  local context = busted.context
  local function name_of(name) return busted.full_name(name, context.get()) end

  local function on(descriptors, handler)
    for _, descriptor in ipairs(descriptors) do
      busted.subscribe({ "register", descriptor }, function(...)
        return handler(descriptor, ...)
      end, { priority = 1 })
    end
  end

  local list = function(key) return options[key] or {} end

  if options.list then
    -- Declared but never run: every hook and test body becomes a no-op.
    local noop = function() end
    on({ "strict_setup", "strict_teardown", "lazy_setup", "lazy_teardown", "before_each",
      "after_each", "it", "pending" }, function(descriptor, name, fn, ...)
      if fn == noop then return nil, true end
      busted.publish({ "register", descriptor }, name, noop, ...)
      return nil, false
    end)
  end

  if options.keep_going == false then
    on({ "strict_setup", "strict_teardown", "lazy_setup", "lazy_teardown", "before_each",
      "after_each", "file", "describe", "it", "pending" }, function()
      return nil, not busted.skipAll
    end)
  end

  -- Subscribed last so they run first, in the order busted applies them.
  if #list("filter") > 0 then
    on({ "it", "pending" }, function(_, name)
      for _, pattern in ipairs(options.filter) do
        if name_of(name):find(pattern) then return nil, true end
      end
      return nil, false
    end)
  end
  if #list("filter_out") > 0 then
    on({ "describe", "it", "pending" }, function(_, name)
      for _, pattern in ipairs(options.filter_out) do
        if name_of(name):find(pattern) then return nil, false end
      end
      return nil, true
    end)
  end
  if #list("tags") > 0 then
    on({ "it", "pending" }, function(_, name)
      local full = name_of(name)
      for _, tag in ipairs(options.tags) do
        if has_tag(full, tag) then return nil, true end
      end
      return nil, false
    end)
  end
  if #list("exclude_tags") > 0 then
    on({ "describe", "it", "pending" }, function(_, name)
      for _, tag in ipairs(options.exclude_tags) do
        if has_tag(name, tag) then return nil, false end
      end
      return nil, true
    end)
  end
end
