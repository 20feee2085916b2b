-- What the export does not say and the ward knows: the field (lĩnh vực) of every procedure here,
-- and the department that handles household businesses. Edit to match the ward.
return {
  field = "Thành lập và hoạt động của hộ kinh doanh",
  department = "Phòng Kinh tế, Hạ tầng và Đô thị",
}
