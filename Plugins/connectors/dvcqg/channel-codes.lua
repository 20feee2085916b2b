-- KenhThucHien of the national portal's dossier sync → hostrun's channel.
return {
  ["1"] = "in_person",   -- Trực tiếp
  ["2"] = "online",      -- Trực tuyến
  ["3"] = "postal",      -- Qua dịch vụ bưu chính công ích
}
