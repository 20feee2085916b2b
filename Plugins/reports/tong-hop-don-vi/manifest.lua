-- Tổng hợp theo đơn vị: a city's (or province's) roll-up, one row per ward centre.
return {
  name = "tong-hop-don-vi",
  kind = "report",
  version = "1.0.0",
  description = "Bảng tổng hợp kết quả tiếp nhận và giải quyết thủ tục hành chính của các đơn vị (phường, xã), có dòng tổng cộng",
  entry = "init.lua",
  -- Reads the store only: no files, no network, personal data masked.
}
