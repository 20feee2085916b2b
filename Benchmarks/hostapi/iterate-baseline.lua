-- Benchmark (b), baseline: plain lua5.4 loads the same dossiers' three fields from a Lua table
-- file, then loops over them exactly as iterate.lua does. Prints the loop's own CPU time too.
local started = os.clock()
local data = dofile(arg[1])
local loaded = os.clock()
local count, processing, departments = 0, 0, {}
for _, d in ipairs(data) do
  local code, status, department = d.code, d.status, d.department
  count = count + #code // #code
  if status == "processing" then processing = processing + 1 end
  departments[department] = true
end
print(count, processing)
io.stderr:write(("baseline: load %.3f s, loop %.3f s\n"):format(loaded - started, os.clock() - loaded))
