-- Quá hạn: overdue and soon-due dossiers by department.
return {
  name = "qua-han",
  kind = "report",
  version = "1.0.0",
  description = "Hồ sơ quá hạn và sắp đến hạn theo phòng chuyên môn, với số ngày làm việc quá hạn hoặc còn lại",
  entry = "init.lua",
  -- Reads the store only: no files, no network, personal data masked.
}
