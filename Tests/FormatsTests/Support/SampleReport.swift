@testable import Formats

/// A periodic report shaped like the seed's: official header, prose with the seed's figures,
/// the statistics table with column groups and a total row, a chart, bullets and the closing block.
enum SampleReport {
    static var document: ReportDocument {
        var doc = ReportDocument(metadata: ReportMetadata(
            title: "BÁO CÁO",
            subtitle: "Kết quả hoạt động của Trung tâm Phục vụ hành chính công 6 tháng đầu năm 2026",
            issuer: ["UBND PHƯỜNG BẾN THÀNH", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"],
            documentNumber: "Số:      /BC-TTPVHCC",
            place: "Bến Thành", date: ReportDate(year: 2026, month: 5, day: 25), author: "hostrun"))
        doc.append(.heading(level: 1, text: "I. KẾT QUẢ THỰC HIỆN"))
        doc.append(.heading(level: 2, text: "1. Tiếp nhận và giải quyết hồ sơ"))
        doc.append(.paragraph(ReportParagraph([
            TextRun("Tổng số hồ sơ tiếp nhận: "), TextRun("4.266 hồ sơ", bold: true),
            TextRun(" (kỳ trước chuyển sang 69; trực tuyến 4.152; trực tiếp 45)."),
        ])))
        doc.append(.list(["Đã giải quyết 4.160 hồ sơ, trong đó trước hạn 4.029;",
                          "Đang giải quyết 106 hồ sơ, trong đó quá hạn 13."]))
        doc.append(.table(ReportTable(
            title: "Bảng 1. Thống kê tình hình giải quyết hồ sơ",
            sheetName: "Thống kê TTHC",
            columns: [ReportColumn("Lĩnh vực", width: 24), ReportColumn("Kỳ trước"), ReportColumn("Trực tuyến"),
                      ReportColumn("Trực tiếp"), ReportColumn("Trước hạn"), ReportColumn("Quá hạn"),
                      ReportColumn("Tỷ lệ đúng hạn"), ReportColumn("Cập nhật")],
            groups: [ReportColumnGroup("", span: 1), ReportColumnGroup("Tiếp nhận", span: 3),
                     ReportColumnGroup("Đã giải quyết", span: 2)],
            rows: [
                ReportRow([.text("Hộ tịch"), .integer(40), .integer(2_980), .integer(20), .integer(2_950),
                           .integer(5), .percent(0.99831, fractionDigits: 2), .date(ReportDate(year: 2026, month: 5, day: 25)!)]),
                ReportRow([.text("Đất đai | nhà ở"), .integer(29), .integer(1_172), .integer(25), .integer(1_079),
                           .integer(6), .percent(0.98, fractionDigits: 2), .empty]),
                ReportRow([.text("Tổng cộng"), .integer(69), .integer(4_152), .integer(45), .integer(4_029),
                           .integer(11), .percent(0.9973, fractionDigits: 2), .empty], emphasis: true),
            ])))
        doc.append(.chart(BarChart(title: "Hồ sơ tiếp nhận theo kênh", categories: ["Trực tuyến", "Trực tiếp", "Bưu chính"],
                                   series: [ChartSeries("Hồ sơ", values: [4_152, 45, 0])])))
        doc.append(.chart(BarChart(title: "Chỉ số phục vụ", categories: ["Số hóa", "Tái sử dụng dữ liệu"],
                                   series: [ChartSeries("Quý I", values: [0.987, 0.8324]),
                                            ChartSeries("Quý II", values: [1, 0.9])], valueKind: .percent)))
        doc.append(.heading(level: 1, text: "II. PHƯƠNG HƯỚNG, NHIỆM VỤ"))
        doc.append(.paragraph("Tiếp tục nâng cao tỷ lệ hồ sơ trực tuyến toàn trình; 1. không phải danh sách."))
        doc.append(.signature(SignatureBlock(recipients: ["- UBND phường (b/c);", "- Lưu: VT."],
                                             signerTitle: ["GIÁM ĐỐC"], signerName: "Nguyễn Văn A")))
        return doc
    }
}
