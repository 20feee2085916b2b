-- The columns of the business-registration system's list of household-business dossiers, as
-- staff download it (CSV or Excel): hostrun's field → the header as the system prints it.
return {
  code = "Mã hồ sơ",
  kind = "Loại hồ sơ",
  business = "Tên hộ kinh doanh",
  applicant_name = "Họ tên chủ hộ",
  applicant_id = "Số giấy tờ pháp lý",
  applicant_phone = "Điện thoại",
  channel = "Hình thức nộp",
  received_at = "Ngày tiếp nhận",
  due_at = "Ngày hẹn trả",
  finished_at = "Ngày trả kết quả",
  status = "Tình trạng hồ sơ",
  fee = "Lệ phí (đồng)",
  paid_online = "Đã thanh toán trực tuyến",
}
