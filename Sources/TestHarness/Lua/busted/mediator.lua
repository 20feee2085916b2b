--- Publish/subscribe on nested channels, the way busted's mediator dispatches events.
--
-- A channel is a list of names ({"test", "end"}). Publishing calls the channel's subscribers
-- in priority order, then its parent channel's ({"test"}), up to the root. A subscriber
-- returns (value, continue): values are collected, and a falsy `continue` stops the walk,
-- which is how filters veto a registration and reporters let others see an event.
local position = require("busted.position")
position.mark_internal()

local function new_channel(parent)
  return { parent = parent, subscribers = {}, children = {} }
end

local function channel_at(root, path)
  local channel = root
  for _, name in ipairs(path) do
    local child = channel.children[name]
    if not child then
      child = new_channel(channel)
      channel.children[name] = child
    end
    channel = child
  end
  return channel
end

return function()
  local root = new_channel(nil)
  local mediator = {}

  --- Adds `fn` to a channel; `options.priority` (1 = first) and `options.predicate(...)`.
  function mediator.subscribe(path, fn, options)
    options = options or {}
    local channel = channel_at(root, path)
    local subscriber = { fn = fn, options = options, channel = channel }
    local index = #channel.subscribers + 1
    if options.priority and options.priority >= 1 and options.priority < index then
      index = options.priority
    end
    table.insert(channel.subscribers, index, subscriber)
    return subscriber
  end

  --- Removes a subscriber returned by `subscribe`.
  function mediator.unsubscribe(subscriber)
    local list = subscriber.channel.subscribers
    for i = 1, #list do
      if list[i] == subscriber then
        return table.remove(list, i)
      end
    end
  end

  --- Publishes on a channel and its ancestors; returns the list of collected values.
  function mediator.publish(path, ...)
    local results = {}
    local channel = channel_at(root, path)
    while channel do
      -- Copy: a subscriber may unsubscribe itself while the event is dispatched.
      local list = table.move(channel.subscribers, 1, #channel.subscribers, 1, {})
      for _, subscriber in ipairs(list) do
        local predicate = subscriber.options.predicate
        if not predicate or predicate(...) then
          local value, continue = subscriber.fn(...)
          if value ~= nil then results[#results + 1] = value end
          if not continue then return results end
        end
      end
      channel = channel.parent
    end
    return results
  end

  return mediator
end
