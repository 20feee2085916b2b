--- A block's outcome, with busted's single rule for combining outcomes:
-- a failure or an error is never overwritten, and pending only yields to them.
local known = {
  success = "success", pending = "pending", failure = "failure", error = "error",
  ["true"] = "success", ["false"] = "failure", ["nil"] = "error",
}

local function normalise(value)
  return known[tostring(value)] or "error"
end

local methods = {}
methods.__index = methods
methods.__tostring = function(self) return self.value end

function methods:success() return self.value == "success" end
function methods:pending() return self.value == "pending" end
function methods:failure() return self.value == "failure" end
function methods:error() return self.value == "error" end
function methods:get() return self.value end
function methods:set(value) self.value = normalise(value) end

function methods:update(value)
  value = normalise(value)
  if self.value == "success" or (self.value == "pending" and value ~= "success") then
    self.value = value
  end
end

return function(initial)
  return setmetatable({ value = normalise(initial) }, methods)
end
