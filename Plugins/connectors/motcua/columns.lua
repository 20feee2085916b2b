-- The export's columns: hostrun's field → the header as the one-stop software prints it. A
-- header on two rows reads "Parent / Child" (the merged "Ngày" over "Tiếp nhận" is
-- "Ngày / Tiếp nhận"); names match whatever their case, spacing or Unicode form. The header is
-- looked for among the first 30 rows, past the title block. If the centre's export names a
-- column differently, change it here.
return {
  code = "Mã hồ sơ",
  procedure_code = "Thủ tục hành chính / Mã TTHC",
  procedure_name = "Thủ tục hành chính / Tên TTHC",
  field = "Lĩnh vực",
  department = "Phòng chuyên môn",
  applicant_name = "Người nộp hồ sơ / Họ và tên",
  applicant_id = "Người nộp hồ sơ / Số định danh",
  applicant_phone = "Người nộp hồ sơ / Điện thoại",
  channel = "Kênh tiếp nhận",
  received_at = "Ngày / Tiếp nhận",
  due_at = "Ngày / Hẹn trả",
  finished_at = "Ngày / Hoàn thành",
  status = "Trạng thái",
  fully_online = "Toàn trình",
  digitised = "Số hóa",
  fee = "Lệ phí (đồng)",
  paid_online = "Thanh toán trực tuyến",
  data_reused = "Tái sử dụng dữ liệu",
}
