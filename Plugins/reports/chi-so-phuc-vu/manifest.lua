-- Chỉ số phục vụ: the service indicators with their definitions, for the period and per month.
return {
  name = "chi-so-phuc-vu",
  kind = "report",
  version = "1.0.0",
  description = "Các chỉ số phục vụ (số hóa, tái sử dụng dữ liệu, thanh toán trực tuyến, ...) trong kỳ và theo tháng",
  entry = "init.lua",
  -- Reads the store only: no files, no network, personal data masked.
}
