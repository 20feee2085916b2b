return {
  name = "conflicting-sources",
  kind = "check",
  version = "1.0.0",
  description = "Kiểm tra dữ liệu: the same dossier code with conflicting values in two source systems",
}
