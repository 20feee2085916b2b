return {
  name = "dvcqg",
  kind = "connector",
  version = "1.0.0",
  description = "Cổng Dịch vụ công quốc gia: hồ sơ đồng bộ (JSON, TrangThaiHoSo và KenhThucHien theo mã số)",
  capabilities = {
    read = { "$SOURCE" },
    store_write = true,
  },
}
