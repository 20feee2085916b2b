-- PAKN: citizens' feedback received, handled, handled on time and still open.
return {
  name = "pakn",
  kind = "report",
  version = "1.0.0",
  description = "Tình hình tiếp nhận, xử lý phản ánh, kiến nghị (PAKN) trong kỳ và theo tháng",
  entry = "init.lua",
  -- Reads the store only: no files, no network, personal data masked.
}
