-- Thống kê TTHC: the statistics table of dossier processing, one row per field.
return {
  name = "thong-ke-tthc",
  kind = "report",
  version = "1.0.0",
  description = "Bảng thống kê tình hình tiếp nhận và giải quyết thủ tục hành chính theo lĩnh vực",
  entry = "init.lua",
  capabilities = { read = {}, personal_data = false },
  options = {
    decimal = { values = { ",", "." }, default = ",", description = "Dấu thập phân" },
    layout = {
      values = { "seed", "provincial" },
      default = "seed",
      description = "Cách xếp hồ sơ rút và tạm dừng: seed (cột riêng) hoặc provincial",
    },
  },
}
