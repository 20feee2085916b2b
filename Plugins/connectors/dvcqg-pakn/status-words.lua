-- "Tình trạng" of the feedback system (folded with text.fold) → hostrun's feedback status.
-- "Đã chuyển cơ quan khác" (passed to another agency) is left out on purpose: whether the
-- centre counts it as handled is its own decision, so such records are rejected until it is
-- written here.
return {
  ["cho xu ly"] = "received",
  ["da tiep nhan"] = "received",
  ["dang xu ly"] = "processing",
  ["da tra loi"] = "handled",
  ["da xu ly"] = "handled",
  ["khong tiep nhan"] = "rejected",
  ["tu choi"] = "rejected",
}
