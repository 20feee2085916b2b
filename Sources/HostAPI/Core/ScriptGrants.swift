/// What a script may do with the store beyond reading it, granted by the command line for plain
/// scripts and by a plugin's manifest (within the operator's policy) for plugins.
public struct ScriptGrants: Sendable, Equatable {
    /// Applicants' names, identity numbers, phone numbers and addresses are shown; otherwise
    /// they are masked (`N***** V** A*`, `*******678`).
    public var personalData: Bool

    public init(personalData: Bool = false) {
        self.personalData = personalData
    }

    /// Nothing beyond reading the store with personal data masked.
    public static let readOnly = ScriptGrants()
}
