-- The connector behind `fixtures.dossiers(rows)` (docs/testing.md), bundled with the harness.
return {
  name = "hostrun-test-dossiers",
  kind = "connector",
  version = "0.1.0",
  description = "A spec's dossier rows, written through the host's checks like any connector's records",
  capabilities = { store_write = true },
}
