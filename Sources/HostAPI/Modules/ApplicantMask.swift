import Domain

/// How applicants' personal data reads for a script not granted it: enough to tell two
/// applicants apart on a list, not enough to identify anyone.
///
/// A name or address keeps the first letter of each word (`Nguyễn Văn An` → `N***** V** A*`);
/// an identity or phone number keeps its last three characters (`0912345678` → `*******678`).
enum ApplicantMask {
    static func words(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { word in
            guard let first = word.first else { return "" }
            return String(first) + String(repeating: "*", count: word.count - 1)
        }.joined(separator: " ")
    }

    static func number(_ text: String) -> String {
        let kept = text.suffix(3)
        return String(repeating: "*", count: max(0, text.count - kept.count)) + kept
    }

    /// The applicant as a script sees it: masked unless `personalData` is granted.
    static func table(_ applicant: Applicant, personalData: Bool) -> [String: String] {
        var table: [String: String] = [:]
        table["name"] = applicant.name.map { personalData ? $0 : words($0) }
        table["id"] = applicant.identityNumber.map { personalData ? $0 : number($0) }
        table["phone"] = applicant.phone.map { personalData ? $0 : number($0) }
        table["address"] = applicant.address.map { personalData ? $0 : words($0) }
        return table
    }
}
