-- Thống kê TTHC: the statistics table of dossier processing, one row per field.
return {
  name = "thong-ke-tthc",
  kind = "report",
  version = "1.0.0",
  description = "Bảng thống kê tình hình tiếp nhận và giải quyết thủ tục hành chính theo lĩnh vực",
  entry = "init.lua",
  -- Reads the store only: no files, no network, personal data masked.
}
