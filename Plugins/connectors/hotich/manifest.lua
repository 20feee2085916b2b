return {
  name = "hotich",
  kind = "connector",
  version = "1.0.0",
  description = "Phần mềm đăng ký, quản lý hộ tịch điện tử: sổ đăng ký khai sinh xuất ra (văn bản Unicode)",
  capabilities = {
    read = { "$SOURCE" },
    store_write = true,
  },
}
