-- "Trạng thái" (folded with text.fold) → hostrun's status. "Đã đăng ký" means the birth is
-- entered in the register; the extract (trích lục) is handed over after, "Đã trả kết quả".
return {
  ["moi tiep nhan"] = "received",
  ["dang xu ly"] = "processing",
  ["yeu cau bo sung"] = "supplement_requested",
  ["da dang ky"] = "resolved",
  ["da tra ket qua"] = "returned",
  ["tu choi"] = "refused",
  ["rut ho so"] = "withdrawn",
}
