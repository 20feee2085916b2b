import Domain

/// Dossier codes as each source system writes them: a unit prefix, the receipt date (yyMMdd) and
/// a running number within the day, e.g. `000.31.21.H56-260115-0007`.
enum DossierCodes {
    static func code(source: String, day: LocalDate, sequence: Int) -> String {
        let (y, m, d) = day.civil
        let date = pad(y % 100, 2) + pad(m, 2) + pad(d, 2)
        let number = pad(sequence, 4)
        switch source {
        case "motcua": return "000.31.21.H56-\(date)-\(number)"
        case "dvcqg": return "G22.31.21-\(date)-\(number)"
        case "dkkd": return "HKD.31.21.\(date).\(number)"
        case "hotich": return "HT-H56.21-\(date)-\(number)"
        default: return "\(source.uppercased())-\(date)-\(number)"
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
