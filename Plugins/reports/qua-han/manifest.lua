-- Quá hạn: overdue and soon-due dossiers by department.
return {
  name = "qua-han",
  kind = "report",
  version = "1.0.0",
  description = "Hồ sơ quá hạn và sắp đến hạn theo phòng chuyên môn, với số ngày làm việc quá hạn hoặc còn lại",
  entry = "init.lua",
  capabilities = { read = {}, personal_data = false },
  options = {
    soon = { kind = "integer", default = 2, description = "Sắp đến hạn: còn tối đa bấy nhiêu ngày làm việc" },
    decimal = { values = { ",", "." }, default = ",", description = "Dấu thập phân" },
  },
}
