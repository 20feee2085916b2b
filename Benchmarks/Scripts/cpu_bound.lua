-- A CPU-bound pure-Lua workload: table operations and string building, the kind of work a
-- report script does between host calls. Used by Benchmarks/run-script-benchmarks.sh to compare
-- `hostrun` (all limits on) with `lua5.4` on the same file.
local records = {}
for i = 1, 300000 do
  records[i] = { code = "HS" .. i, days = i % 37, department = "D" .. (i % 12) }
end

local byDepartment = {}
for _, record in ipairs(records) do
  local bucket = byDepartment[record.department]
  if bucket == nil then
    bucket = { count = 0, late = 0, codes = {} }
    byDepartment[record.department] = bucket
  end
  bucket.count = bucket.count + 1
  if record.days > 30 then
    bucket.late = bucket.late + 1
    bucket.codes[#bucket.codes + 1] = record.code
  end
end

local lines = {}
for name, bucket in pairs(byDepartment) do
  lines[#lines + 1] = string.format("%s;%d;%d;%.1f%%", name, bucket.count, bucket.late, 100 * bucket.late / bucket.count)
end
table.sort(lines)

local checksum = 0
for round = 1, 20 do
  local parts = {}
  for i = 1, 20000 do
    parts[#parts + 1] = tostring(i * round):sub(1, 3)
  end
  checksum = checksum + #table.concat(parts, ",")
end

print(#lines, checksum)
