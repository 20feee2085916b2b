/// How a dossier reached the centre (kênh tiếp nhận).
public enum Channel: String, Sendable, Hashable, CaseIterable, Codable {
    /// Trực tuyến: submitted through an online portal.
    case online
    /// Trực tiếp: handed in at the centre's counter.
    case inPerson = "in_person"
    /// Bưu chính công ích: sent by the public postal service.
    case postal
}

extension Channel {
    /// The name Vietnamese reports print.
    public var vietnameseName: String {
        switch self {
        case .online: "Trực tuyến"
        case .inPerson: "Trực tiếp"
        case .postal: "Bưu chính công ích"
        }
    }
}
