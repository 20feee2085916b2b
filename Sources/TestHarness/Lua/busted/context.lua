--- The tree of registered blocks and the stack of blocks being run.
--
-- Each block may own an `env` table; `insulate` blocks save the global table and the loaded
-- modules on entry and restore them on exit, `expose` blocks let their globals escape to the
-- enclosing insulation, and hooks (`unwrap`) write their globals into the block declaring them.
local position = require("busted.position")
position.mark_internal()

-- `world` is { globals = table, loaded = table or nil }: what insulation saves and restores.
local function save(world)
  local globals = {}
  for key, value in next, world.globals do globals[key] = value end
  local loaded
  if world.loaded then
    loaded = {}
    for key, value in next, world.loaded do loaded[key] = value end
  end
  return { metatable = getmetatable(world.globals), globals = globals, loaded = loaded }
end

local function restore(world, saved)
  -- A frozen global table refuses these writes; insulation then has nothing to undo anyway.
  pcall(setmetatable, world.globals, saved.metatable)
  pcall(function()
    for key in next, world.globals do
      if saved.globals[key] == nil then rawset(world.globals, key, nil) end
    end
    for key, value in next, saved.globals do rawset(world.globals, key, value) end
  end)
  if saved.loaded then
    for key in next, world.loaded do
      if saved.loaded[key] == nil then world.loaded[key] = nil end
    end
    for key, value in next, saved.loaded do world.loaded[key] = value end
  end
end

return function(world)
  local context = {}
  local root = { descriptor = "suite", attributes = {} }
  local parents, children = {}, {}
  local stack, states = {}, {}
  local current = root

  -- Globals assigned in a hook (or an `expose` block) belong to the block `levels` up.
  local function unwrap(element, levels)
    local target = element
    for _ = 1, levels do
      target = parents[target]
      if not target then break end
    end
    element.env = element.env or {}
    setmetatable(element.env, {
      __newindex = function(_, key, value)
        if not target then
          world.globals[key] = value
        else
          target.env = target.env or {}
          target.env[key] = value
        end
      end,
    })
  end

  local function enter(element)
    local mode = element.attributes.envmode
    local state = false
    if mode == "insulate" then
      state = save(world)
    elseif mode == "unwrap" then
      unwrap(element, 1)
    elseif mode == "expose" then
      unwrap(element, 2)
    end
    states[#states + 1] = state
  end

  local function leave(element)
    local state = table.remove(states)
    if element.attributes.envmode == "expose" and states[#states] then
      -- What the exposed block changed survives the enclosing insulation.
      states[#states] = save(world)
    end
    if state then restore(world, state) end
  end

  function context.get(key)
    if key == nil then return current end
    return current[key]
  end

  function context.set(key, value)
    current[key] = value
  end

  function context.root()
    return root
  end

  function context.attach(child)
    children[current] = children[current] or {}
    parents[child] = current
    table.insert(children[current], child)
  end

  function context.children(parent)
    return children[parent] or {}
  end

  function context.parent(child)
    return parents[child]
  end

  function context.push(element)
    if not parents[element] and element ~= root then
      error("Detached child. Cannot push.")
    end
    if element ~= current then enter(element) end
    stack[#stack + 1] = current
    current = element
  end

  function context.pop()
    local leaving = current
    current = table.remove(stack)
    if current == nil then error("Context stack empty. Cannot pop.") end
    if current ~= leaving then leave(leaving) end
  end

  return context
end
