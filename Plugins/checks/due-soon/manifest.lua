return {
  name = "due-soon",
  kind = "check",
  version = "1.0.0",
  description = "Hồ sơ sắp đến hạn: open dossiers due within N working days, to act before they are late",
}
