return {
  name = "finished-without-result-date",
  kind = "check",
  version = "1.0.0",
  description = "Kiểm tra dữ liệu: dossiers finished (resolved, returned, refused, withdrawn) without a result date",
}
