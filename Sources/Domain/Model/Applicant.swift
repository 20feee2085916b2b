/// The citizen or business that applied.
///
/// Every field is **personal data**: hosts must mask it unless a script or report was granted
/// access, and must never log it.
public struct Applicant: Sendable, Hashable, Codable {
    public var name: String?
    public var identityNumber: String?
    public var phone: String?
    public var address: String?

    public init(name: String? = nil, identityNumber: String? = nil, phone: String? = nil,
                address: String? = nil) {
        self.name = name
        self.identityNumber = identityNumber
        self.phone = phone
        self.address = address
    }

    /// Whether nothing at all is known of the applicant.
    public var isEmpty: Bool { name == nil && identityNumber == nil && phone == nil && address == nil }
}
