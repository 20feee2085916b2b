return {
  name = "stalled",
  kind = "check",
  version = "1.0.0",
  description = "Hồ sơ không tiến triển: dossiers in progress with no status change for N working days",
}
