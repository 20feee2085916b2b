return {
  name = "canonical",
  kind = "connector",
  version = "1.0.0",
  description = "hostrun's canonical CSV: one dossier per row, hostrun's own field names (docs/canonical-csv.md)",
  capabilities = {
    read = { "$SOURCE" },
    store_write = true,
  },
}
