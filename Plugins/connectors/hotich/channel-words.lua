-- "Hình thức tiếp nhận" (folded) → hostrun's channel. "Liên thông" is the interconnected
-- online procedure (khai sinh – thường trú – bảo hiểm y tế), submitted online.
return {
  ["truc tiep"] = "in_person",
  ["truc tuyen"] = "online",
  ["lien thong"] = "online",
  ["buu chinh"] = "postal",
}
