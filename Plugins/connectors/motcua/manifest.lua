return {
  name = "motcua",
  kind = "connector",
  version = "1.0.0",
  description = "Phần mềm một cửa điện tử cấp tỉnh: danh sách hồ sơ xuất ra Excel",
  capabilities = {
    read = { "$SOURCE" },
    store_write = true,
  },
}
