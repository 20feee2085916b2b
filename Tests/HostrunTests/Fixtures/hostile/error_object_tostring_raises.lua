-- expect: error
-- An error object whose __tostring and __index raise: reported, never crashing the host.
error(setmetatable({}, {
  __index = function() error("gotcha") end,
  __tostring = function() error("again") end,
}))
