return {
  name = "dkkd",
  kind = "connector",
  version = "1.0.0",
  description = "Hệ thống thông tin quốc gia về đăng ký doanh nghiệp: hồ sơ đăng ký hộ kinh doanh (CSV hoặc Excel tải về)",
  capabilities = {
    read = { "$SOURCE" },
    store_write = true,
  },
}
