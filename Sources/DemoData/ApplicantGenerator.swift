import Domain

/// Vietnamese applicants: surnames at their national frequencies, gendered middle and given
/// names, a 12-digit citizen identity number (province, gender and century, birth year), a
/// mobile number and an address in the ward. All of it is invented.
struct ApplicantGenerator: Sendable {
    let ward: String

    static let surnames = WeightedTable([
        ("Nguyễn", 38.0), ("Trần", 11), ("Lê", 9.5), ("Phạm", 7), ("Hoàng", 5), ("Phan", 4.5),
        ("Vũ", 4), ("Võ", 2), ("Đặng", 2), ("Bùi", 2), ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3),
        ("Dương", 1), ("Lý", 0.5), ("Đinh", 0.8), ("Trịnh", 0.6), ("Đào", 0.6), ("Mai", 0.4),
    ])
    static let maleMiddle = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Thành", "Xuân", "Anh", "Tuấn", "Mạnh"]
    static let femaleMiddle = ["Thị", "Thu", "Ngọc", "Thanh", "Phương", "Minh", "Hồng", "Bích", "Mai", "Kim", "Thùy"]
    static let maleGiven = ["Anh", "Bình", "Cường", "Dũng", "Dương", "Đạt", "Hải", "Hiếu", "Hoàng", "Hùng",
                            "Huy", "Khánh", "Long", "Minh", "Nam", "Phong", "Phúc", "Quân", "Sơn", "Thắng",
                            "Trung", "Tuấn", "Tùng", "Việt", "Đức", "Thịnh"]
    static let femaleGiven = ["An", "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương",
                              "Huyền", "Lan", "Linh", "Loan", "Mai", "Nga", "Ngọc", "Nhung", "Phương",
                              "Quỳnh", "Thảo", "Trang", "Vân", "Yến", "Thủy", "Hiền"]
    /// Province codes of the identity number: mostly the ward's own, some from elsewhere.
    static let provinces = WeightedTable([("031", 70.0), ("030", 12), ("001", 8), ("034", 4), ("079", 3), ("038", 3)])
    static let streets = ["Trần Hưng Đạo", "Lê Lợi", "Nguyễn Trãi", "Lý Thường Kiệt", "Hai Bà Trưng",
                          "Quang Trung", "Phạm Ngũ Lão", "Tô Hiệu", "Lạch Tray", "Văn Cao"]
    static let mobilePrefixes = ["090", "091", "093", "094", "096", "097", "098", "086", "088", "032",
                                 "033", "034", "035", "036", "037", "038", "039", "070", "077", "081"]

    func make(_ rng: inout SplitMix64) -> Applicant {
        let female = rng.chance(0.52)
        let name = [ApplicantGenerator.surnames.pick(&rng),
                    rng.pick(female ? ApplicantGenerator.femaleMiddle : ApplicantGenerator.maleMiddle),
                    rng.pick(female ? ApplicantGenerator.femaleGiven : ApplicantGenerator.maleGiven)]
            .joined(separator: " ")
        let birthYear = rng.int(in: 1950...2005)
        let genderCentury = (birthYear >= 2000 ? 2 : 0) + (female ? 1 : 0)
        let identity = ApplicantGenerator.provinces.pick(&rng) + "\(genderCentury)"
            + digits(birthYear % 100, 2) + digits(rng.below(1_000_000), 6)
        let phone = rng.pick(ApplicantGenerator.mobilePrefixes) + digits(rng.below(10_000_000), 7)
        let address = rng.chance(0.5)
            ? "Số \(rng.int(in: 1...220)), ngõ \(rng.int(in: 1...150)) \(rng.pick(ApplicantGenerator.streets)), "
                + "tổ dân phố \(rng.int(in: 1...40)), phường \(ward)"
            : "Số \(rng.int(in: 1...480)) \(rng.pick(ApplicantGenerator.streets)), phường \(ward)"
        return Applicant(name: name, identityNumber: identity, phone: phone, address: address)
    }

    private func digits(_ value: Int, _ count: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, count - text.count)) + text
    }
}
