-- The columns of the civil-status system's birth-registration list: hostrun's field → the
-- header as the system prints it. The child's own details (name, date of birth, sex) are not
-- part of a dossier's record and are not read.
return {
  code = "Mã hồ sơ",
  register_number = "Số đăng ký",
  received_at = "Ngày tiếp nhận",
  due_at = "Ngày hẹn trả",
  finished_at = "Ngày trả kết quả",
  applicant_name = "Người đi đăng ký",
  applicant_id = "Số giấy tờ tùy thân",
  applicant_phone = "Điện thoại",
  channel = "Hình thức tiếp nhận",
  status = "Trạng thái",
  reused = "Sử dụng dữ liệu dân cư",
}
