--- How a block runs its hooks and children: setup/teardown once per block, lazy_setup once
-- before the first test that needs it, before_each from the outside in, after_each from the
-- inside out, children sorted or shuffled on request.
local position = require("busted.position")
position.mark_internal()
local shuffle = require("busted.shuffle")

local function by_name(elements)
  table.sort(elements, function(a, b)
    if a.name and b.name then return a.name < b.name end
    return b.name ~= nil
  end)
  return elements
end

return function(busted)
  local block = {}
  local context = busted.context

  --- Makes `word` unusable inside `element` (a test cannot declare a describe, say).
  function block.reject(word, element)
    rawset(element.env, word, function()
      error("'" .. word .. "' not supported inside current context block", 2)
    end)
  end

  function block.reject_all(element)
    block.reject("randomize", element)
    for word in pairs(busted.executors) do
      if busted.api[word] then block.reject(word, element) end
    end
  end

  local function run_hook(descriptor, element)
    element.env = element.env or {}
    block.reject_all(element)
    return busted.safe(descriptor, element.run, element)
  end

  --- Runs the `descriptor` hooks of `element` and its ancestors once per block.
  function block.exec_all_once(descriptor, element)
    local parent = context.parent(element)
    if parent and not block.exec_all_once(descriptor, parent) then return false end
    element[descriptor] = element[descriptor] or {}
    local list = element[descriptor]
    if list.success ~= nil then return list.success end
    local success = true
    for _, hook in ipairs(list) do
      if not run_hook(descriptor, hook):success() then success = false end
    end
    list.success = success
    return success
  end

  --- Runs the `descriptor` hooks of the ancestors (if `propagate`), then of `element`.
  -- Returns success and the block where it stopped, so after_each can unwind from there.
  function block.exec_all(descriptor, element, propagate)
    local parent = context.parent(element)
    if propagate and parent then
      local success, ancestor = block.exec_all(descriptor, parent, propagate)
      if not success then return success, ancestor end
    end
    local success = true
    for _, hook in ipairs(element[descriptor] or {}) do
      if not run_hook(descriptor, hook):success() then success = nil end
    end
    return success, element
  end

  --- Runs the `descriptor` hooks of `element`, then of its ancestors (if `propagate`).
  function block.dexec_all(descriptor, element, propagate)
    local success = true
    for _, hook in ipairs(element[descriptor] or {}) do
      if not run_hook(descriptor, hook):success() then success = nil end
    end
    local parent = context.parent(element)
    if propagate and parent and not block.dexec_all(descriptor, parent, propagate) then
      success = nil
    end
    return success
  end

  function block.lazy_setup(element)
    return block.exec_all_once("lazy_setup", element)
  end

  function block.lazy_teardown(element)
    if element.lazy_setup and element.lazy_setup.success ~= nil then
      block.dexec_all("lazy_teardown", element)
      element.lazy_setup.success = nil
    end
  end

  function block.setup(element)
    return block.exec_all("strict_setup", element)
  end

  function block.teardown(element)
    return block.dexec_all("strict_teardown", element)
  end

  --- Runs a file or describe block: its body registers children, then they run.
  function block.execute(descriptor, element)
    element.env = element.env or {}
    local randomize, seed = busted.randomize, busted.randomseed
    rawset(element.env, "randomize", function(...)
      local args = table.pack(...)
      randomize = args.n == 0 or args[1]
      if randomize then seed = tonumber(args[1]) or tonumber(args[2]) or seed end
    end)

    if busted.safe(descriptor, element.run, element):success() then
      if busted.sort then
        by_name(context.children(element))
      elseif randomize then
        element.randomseed = seed
        shuffle(context.children(element), seed)
      end
      if block.setup(element) then busted.execute(element) end
      block.lazy_teardown(element)
      block.teardown(element)
    end
  end

  return block
end
