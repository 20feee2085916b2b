return {
  name = "source-silent",
  kind = "check",
  version = "1.0.0",
  description = "Nguồn dữ liệu im lặng: a connector that has not imported into the store for N hours",
}
