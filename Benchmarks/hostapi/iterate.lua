-- Benchmark (b): every dossier streamed through `dossiers.query`, three fields read from each.
local count, processing, departments = 0, 0, {}
for d in dossiers.query{order = "unordered"} do
  local code, status, department = d.code, d.status, d.department
  count = count + #code // #code
  if status == "processing" then processing = processing + 1 end
  departments[department] = true
end
print(count, processing)
