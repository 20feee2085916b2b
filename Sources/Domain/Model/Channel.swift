/// How a dossier reached the centre (kênh tiếp nhận).
public enum Channel: String, Sendable, Hashable, CaseIterable, Codable {
    /// Trực tuyến: submitted through an online portal.
    case online
    /// Trực tiếp: handed in at the centre's counter.
    case inPerson = "in_person"
    /// Bưu chính công ích: sent by the public postal service.
    case postal
}
