-- The "Kênh tiếp nhận" column → hostrun's channel, keys folded as in status-words.lua.
return {
  ["truc tiep"] = "in_person",
  ["truc tuyen"] = "online",
  ["buu chinh cong ich"] = "postal",
  ["buu chinh"] = "postal",
}
