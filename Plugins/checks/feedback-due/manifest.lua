return {
  name = "feedback-due",
  kind = "check",
  version = "1.0.0",
  description = "PAKN sắp đến hạn: citizens' feedback not yet answered, due within N working days or overdue",
}
