/// What citizens write about, for generated feedback (phản ánh, kiến nghị).
enum FeedbackSubjects {
    static let all = [
        "Phản ánh về thời gian giải quyết hồ sơ đăng ký biến động đất đai",
        "Kiến nghị hướng dẫn nộp hồ sơ đăng ký hộ kinh doanh trực tuyến",
        "Phản ánh thái độ phục vụ tại bộ phận một cửa",
        "Kiến nghị niêm yết công khai thành phần hồ sơ chứng thực",
        "Phản ánh lỗi thanh toán lệ phí trực tuyến",
        "Kiến nghị bổ sung ghế chờ tại Trung tâm Phục vụ hành chính công",
        "Phản ánh yêu cầu bổ sung giấy tờ không có trong quy định",
        "Kiến nghị rút ngắn thời gian cấp giấy phép xây dựng nhà ở riêng lẻ",
        "Phản ánh chậm trả kết quả trích lục hộ tịch",
        "Kiến nghị hỗ trợ người cao tuổi nộp hồ sơ trực tuyến",
    ]
}
