return {
  name = "dvcqg-pakn",
  kind = "connector",
  version = "1.0.0",
  description = "Hệ thống tiếp nhận, trả lời phản ánh, kiến nghị (PAKN) của Cổng Dịch vụ công quốc gia: danh sách phản ánh xuất ra CSV",
  capabilities = {
    read = { "$SOURCE" },
    store_write = true,
  },
}
