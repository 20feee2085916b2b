-- A small module whose coverage TestWorldTests checks line by line.
local M = {}

function M.grade(days_late)
  if days_late <= 0 then
    return "on time"
  elseif days_late <= 3 then
    return "late"
  end
  return "very late"
end

function M.count(list)
  local n = 0
  for _ in ipairs(list) do
    n = n + 1
  end
  return n
end

function M.never()
  local unused = 1
  return unused
end

return M
