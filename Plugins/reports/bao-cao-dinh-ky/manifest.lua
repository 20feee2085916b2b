-- Báo cáo định kỳ: the centre's periodic report (the seed's six-month report), written as an
-- official document. Sections I.1 and I.3 are prose made from the store's figures; everything
-- else (header, opening, I.2, II, III, closing) comes from a text file the centre edits.
return {
  name = "bao-cao-dinh-ky",
  kind = "report",
  version = "1.0.0",
  description = "Báo cáo định kỳ của Trung tâm Phục vụ hành chính công (văn bản hành chính)",
  entry = "init.lua",
  capabilities = {
    read = {},               -- the text file is granted through the `text` option below
    personal_data = false,
  },
  options = {
    text = {
      kind = "file",
      default = "$PLUGIN/noi-dung.txt",
      description = "Tệp nội dung do Trung tâm soạn: phần đầu văn bản, mục I.2, II, III, nơi nhận, người ký",
    },
    decimal = {
      values = { ".", "," },
      default = ".",
      description = "Dấu thập phân trong lời văn (báo cáo mẫu viết 98.7%)",
    },
    date = {
      description = "Ngày ký, dd/MM/yyyy (mặc định để trống: 'ngày tháng năm')",
    },
    layout = {
      values = { "seed", "provincial" },
      default = "seed",
      description = "Cách xếp hồ sơ rút và tạm dừng: seed (dòng riêng) hoặc provincial",
    },
    indicators = {
      default = "digitisation,data_reuse,online_payment",
      description = "Các chỉ số đưa vào lời văn mục I.1, cách nhau bởi dấu phẩy",
    },
  },
}
