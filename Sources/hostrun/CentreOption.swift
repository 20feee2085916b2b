import ArgumentParser
import Domain
import HostAPI
import Store

/// `--centre NAME`: the one centre of a shared store that a report, a check or a script sees.
/// Shared by `report`, `check`, `validate` and `run`; the store view itself is
/// ``HostAPI/StoreAccess``'s, so plugins run unchanged.
struct CentreOption: ParsableArguments {
    @Option(name: .customLong("centre"),
            help: ArgumentHelp("See only this centre (ward) of a store shared by several: its dossiers, figures and breakdowns (default: every centre).",
                               valueName: "name"))
    var centre: String?

    /// The name as the store keeps names: NFC, so a name typed in decomposed form matches.
    var name: String? { centre.map(VietnameseText.nfc) }

    /// Opens `access` now when a centre is given, so that an unknown centre is a mistake of the
    /// command line (listing the centres the store knows), not a failure of the first script
    /// line that reads the store. Any other problem of the store is left to that first use,
    /// which reports it as the command always has.
    func check(_ access: StoreAccess) throws {
        guard centre != nil else { return }
        do {
            _ = try access.store()
        } catch let error as StoreError {
            if case .unknownCentre = error { throw CommandProblem("--centre: \(error)") }
        } catch {}
    }
}
