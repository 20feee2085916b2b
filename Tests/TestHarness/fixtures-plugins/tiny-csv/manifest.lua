-- A connector fixture of the harness's own tests (the bundled canonical connector lives on
-- another branch): a short CSV of civil-status dossiers, five working days each.
return {
  name = "tiny-csv",
  kind = "connector",
  version = "0.1.0",
  description = "Test fixture: code, received_at, status, finished_at and department per row",
  capabilities = {
    read = { "$SOURCE" },
    store_write = true,
  },
}
