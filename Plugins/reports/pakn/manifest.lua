-- PAKN: citizens' feedback received, handled, handled on time and still open.
return {
  name = "pakn",
  kind = "report",
  version = "1.0.0",
  description = "Tình hình tiếp nhận, xử lý phản ánh, kiến nghị (PAKN) trong kỳ và theo tháng",
  entry = "init.lua",
  capabilities = { read = {}, personal_data = false },
  options = {
    decimal = { values = { ",", "." }, default = ",", description = "Dấu thập phân" },
  },
}
