-- What `hostrun reconcile` expects of the centre's sources (docs/connectors.md). Each
-- expectation says that every dossier of `source` (of the given fields or procedures, received
-- on or after `received_from`) must also be held by `expected_in` under the same code; the
-- dossiers that are not are listed. Edit to match the centre's systems.
return {
  expectations = {
    {
      -- Nghị định 168/2025/NĐ-CP: household businesses register on the national
      -- business-registration system, but the dossier must still go through the ward's
      -- one-stop centre; one registered there that the centre never received was missed.
      name = "Hồ sơ hộ kinh doanh trên Hệ thống đăng ký doanh nghiệp phải được Trung tâm tiếp nhận",
      source = "dkkd",
      expected_in = "motcua",
      fields = { "Thành lập và hoạt động của hộ kinh doanh" },
      received_from = "01/07/2025",
    },
    {
      -- Thông tư 04/2025/TT-VPCP: every dossier of the provincial one-stop software is synced
      -- to the national public-service portal.
      name = "Hồ sơ của phần mềm một cửa phải được đồng bộ lên Cổng Dịch vụ công quốc gia",
      source = "motcua",
      expected_in = "dvcqg",
      received_from = "01/07/2025",
    },
  },
  -- What two sources holding the same code must agree on (instants by calendar day).
  compare = { "procedure_code", "channel", "received_at", "due_at", "finished_at", "status" },
}
