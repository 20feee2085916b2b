return {
  name = "dvcqg",
  kind = "connector",
  version = "1.1.0",
  description = "Cổng Dịch vụ công quốc gia: hồ sơ đồng bộ (tệp JSON hoặc API, TrangThaiHoSo và KenhThucHien theo mã số)",
  capabilities = {
    read = { "$SOURCE" },       -- an export file given to `hostrun import dvcqg FILE`
    hosts = { "$SOURCE" },      -- the host of an API URL given to `hostrun import dvcqg URL`
    env = { "DVCQG_TOKEN" },    -- the API's bearer token
    store_write = true,
  },
}
