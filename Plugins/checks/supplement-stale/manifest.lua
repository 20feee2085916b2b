return {
  name = "supplement-stale",
  kind = "check",
  version = "1.0.0",
  description = "Yêu cầu bổ sung quá lâu: supplement requests unanswered for N working days",
}
