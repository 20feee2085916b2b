-- "Loại hồ sơ" (folded with text.fold) → the procedure in the national catalogue (Nghị định
-- 168/2025/NĐ-CP moved household-business registration to this system). A kind missing here is
-- never guessed: its records are rejected, naming it.
return {
  ["dang ky thanh lap ho kinh doanh"] =
    { code = "2.000575", name = "Đăng ký thành lập hộ kinh doanh" },
  ["dang ky thay doi noi dung dang ky ho kinh doanh"] =
    { code = "2.000720", name = "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh" },
  ["tam ngung kinh doanh, tiep tuc kinh doanh truoc thoi han da thong bao cua ho kinh doanh"] =
    { code = "2.000619", name = "Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh" },
  ["cham dut hoat dong ho kinh doanh"] =
    { code = "2.000576", name = "Chấm dứt hoạt động hộ kinh doanh" },
}
