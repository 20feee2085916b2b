-- "Hình thức nộp" (folded) → hostrun's channel.
return {
  ["truc tuyen"] = "online",
  ["truc tiep"] = "in_person",
  ["qua buu chinh"] = "postal",
}
