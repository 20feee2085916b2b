-- The portal knows the unit that processed a dossier (DonViXuLy, the ward), not the ward's own
-- department (phòng chuyên môn). The ward assigns departments by field (lĩnh vực), as here: edit
-- this table to match the centre's own assignment. A field missing here leaves the department
-- unknown, and the record is rejected, naming the field.
return {
  ["Hộ tịch"] = "Văn phòng HĐND và UBND",
  ["Chứng thực"] = "Văn phòng HĐND và UBND",
  ["Đất đai"] = "Phòng Kinh tế, Hạ tầng và Đô thị",
  ["Xây dựng"] = "Phòng Kinh tế, Hạ tầng và Đô thị",
  ["Thành lập và hoạt động của hộ kinh doanh"] = "Phòng Kinh tế, Hạ tầng và Đô thị",
  ["Bảo trợ xã hội"] = "Phòng Văn hóa - Xã hội",
}
