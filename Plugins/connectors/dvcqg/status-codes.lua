-- TrangThaiHoSo of the national portal's dossier sync → hostrun's status, and which date of the
-- record is the finish (finished_at) for a finished status. The codes are those the portal's
-- sync specification lists (as of Thông tư 04/2025/TT-VPCP); check them against the portal's
-- current specification, and edit this table rather than the connector.
--
-- A code missing here is never guessed: its records are rejected, naming the code, until the
-- centre decides what it means and adds it.
return {
  -- 1 Mới đăng ký: submitted online, not yet accepted by the centre. It has no receipt, so it
  -- is not a dossier of the centre yet: skipped (and counted in the log), not imported.
  ["1"] = { skip = "Mới đăng ký (nộp trực tuyến, chưa tiếp nhận)" },
  ["2"] = { status = "received", name = "Được tiếp nhận" },
  -- 3 Không được tiếp nhận: refused at intake, on the day processing ended.
  ["3"] = { status = "refused", name = "Không được tiếp nhận", finished = "NgayKetThucXuLy" },
  ["4"] = { status = "processing", name = "Đang xử lý" },
  ["5"] = { status = "supplement_requested", name = "Yêu cầu bổ sung giấy tờ" },
  ["6"] = { status = "awaiting_payment", name = "Yêu cầu thực hiện nghĩa vụ tài chính" },
  -- 7 Công dân yêu cầu rút hồ sơ: withdrawn on the day processing ended.
  ["7"] = { status = "withdrawn", name = "Công dân yêu cầu rút hồ sơ", finished = "NgayKetThucXuLy" },
  -- 8 Dừng xử lý is left out on purpose: stopped for a missing supplement, a refusal or a
  -- transfer, the portal does not say which, so its records are rejected for the centre to
  -- decide.
  -- 9 Đã xử lý xong: the result is ready; its date is when processing ended.
  ["9"] = { status = "resolved", name = "Đã xử lý xong", finished = "NgayKetThucXuLy" },
  -- 10 Đã trả kết quả: handed back. Lateness is judged on the day the result was ready
  -- (NgayKetThucXuLy), as the portal's own figures do; NgayTra, when the applicant collected
  -- it, is later and not used.
  ["10"] = { status = "returned", name = "Đã trả kết quả", finished = "NgayKetThucXuLy" },
}
