-- A check fixture of the harness's own tests: values of every kind cross between a spec and it.
return {
  name = "tiny-check",
  kind = "check",
  version = "0.1.0",
  description = "Test fixture: overdue dossiers as of the host's clock",
}
