-- "Tình trạng hồ sơ" (folded) → hostrun's status. "Đã hủy" is left out on purpose: the system
-- uses it both for an applicant's withdrawal and for a dossier cancelled by the office, so its
-- records are rejected for the centre to decide.
return {
  ["da tiep nhan"] = "received",
  ["dang xu ly"] = "processing",
  ["yeu cau sua doi, bo sung"] = "supplement_requested",
  ["cho tra ket qua"] = "resolved",
  ["da cap dang ky"] = "returned",
  ["tu choi"] = "refused",
  ["nguoi nop rut ho so"] = "withdrawn",
}
