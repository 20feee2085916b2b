return {
  name = "due-date-mismatch",
  kind = "check",
  version = "1.0.0",
  description = "Kiểm tra dữ liệu: due dates that differ from the procedure's time limit counted on the working-day calendar",
}
