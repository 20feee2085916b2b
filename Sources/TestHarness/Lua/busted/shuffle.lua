--- Fisher-Yates shuffle seeded like busted's (math.randomseed then math.random), so a seed
-- gives the same order of tests and files here as under busted on the same Lua version.
return function(list, seed)
  if seed then math.randomseed(seed) end
  for n = #list, 2, -1 do
    local k = math.random(n)
    list[n], list[k] = list[k], list[n]
  end
  return list
end
