-- The connector behind `fixtures.feedback(rows)` (docs/testing.md), bundled with the harness.
return {
  name = "hostrun-test-feedback",
  kind = "connector",
  version = "0.1.0",
  description = "A spec's feedback (PAKN) rows, written through the host's checks like any connector's records",
  capabilities = { store_write = true },
}
