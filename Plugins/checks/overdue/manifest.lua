return {
  name = "overdue",
  kind = "check",
  version = "1.0.0",
  description = "Hồ sơ quá hạn: open dossiers whose due date has passed, with their department and working days over",
}
