-- refusals-csv.lua: the dossiers refused in a period, with the reason written in their history,
-- as a CSV file that opens correctly in Excel (UTF-8 with a byte-order mark).
--
--   hostrun --db centre.db --allow-write out Scripts/refusals-csv.lua out/tu-choi.csv 01/01/2026 25/05/2026
--
-- Writing needs --allow-write with a folder that contains the file: scripts reach no file
-- they were not granted.

local path = arg[1] or "tu-choi.csv"
local from = arg[2] or "01/01/2026"
local to = arg[3] or text.format_date(clock.today())

local rows = {}
for d in dossiers.query{status = "refused", finished_from = from, finished_to = to,
                        order = "finished_at", history = true} do
  -- The reason is the note of the history entry that refused the dossier.
  local reason = ""
  for _, change in ipairs(d.history) do
    if change.status == "refused" then reason = change.note or "" end
  end
  rows[#rows + 1] = {
    ma_ho_so = d.code,
    thu_tuc = d.procedure_name,
    linh_vuc = d.field,
    phong = d.department,
    ngay_tiep_nhan = text.format_date(d.received_at),
    ngay_tu_choi = text.format_date(d.finished_at),
    ly_do = reason,
  }
end

local columns = {"ma_ho_so", "thu_tuc", "linh_vuc", "phong", "ngay_tiep_nhan", "ngay_tu_choi", "ly_do"}
fs.write_file(path, csv.encode(rows, {columns = columns, bom = true}))
log.info("refusals written", #rows, "rows")
print(("Đã ghi %s hồ sơ bị từ chối (%s–%s) vào %s"):format(text.format_number(#rows), from, to, path))
