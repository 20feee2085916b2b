-- The "Trạng thái" column of the one-stop software's export → hostrun's status. Keys are the
-- words folded (text.fold: no diacritics, lower case), so "Đã trả kết quả" and "ĐÃ TRẢ KẾT
-- QUẢ" are one. A word missing here is never guessed: its records are rejected, naming it.
return {
  ["moi tiep nhan"] = "received",
  ["da tiep nhan"] = "received",
  ["dang xu ly"] = "processing",
  ["dang giai quyet"] = "processing",
  ["yeu cau bo sung"] = "supplement_requested",
  ["cho bo sung"] = "supplement_requested",
  ["cho thuc hien nghia vu tai chinh"] = "awaiting_payment",
  ["da giai quyet"] = "resolved",
  ["da xu ly xong"] = "resolved",
  ["da tra ket qua"] = "returned",
  ["tu choi"] = "refused",
  ["tu choi giai quyet"] = "refused",
  ["cong dan rut ho so"] = "withdrawn",
  ["rut ho so"] = "withdrawn",
}
