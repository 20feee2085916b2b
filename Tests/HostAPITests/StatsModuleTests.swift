import DemoData
import Domain
import Foundation
import HostAPI
import Testing

@Suite struct StatsModuleTests {
    /// The seed report's ward in a real store: its section I must come out of `stats.figures`.
    @Test func theSeedReportsFiguresComeOutOfAScript() throws {
        let world = try ScriptWorld(now: "26/05/2026 08:00")
        let scenario = SeedScenario()
        try world.load(scenario.dossiers, feedback: scenario.feedback)
        let out = try world.run("""
            local f = stats.figures(period.range("01/01/2026", "25/05/2026"), {by = "field"})
            print(f.received, f.carried_over, f.new_online, f.new_in_person, f.new_postal)
            print(f.finished, f.early, f.on_time, f.late, f.refused, f.withdrawn)
            print(f.in_progress, f.within_limit, f.overdue, f.supplement_requested, f.identities_hold)
            for _, i in ipairs(f.indicators) do
                if i.id == "digitisation" or i.id == "data_reuse" or i.id == "online_payment" then
                    print(i.id, i.numerator, i.denominator, text.format_percent(i.value, {decimal = "."}))
                end
            end
            print(f.feedback.received, f.feedback.handled, f.feedback.handled_on_time)
            local total = 0
            for _, row in ipairs(f.by.field) do total = total + row.received end
            print(total, f.period.label, text.format_date(f.as_of, "datetime"))
            """)
        #expect(out == """
            4266\t69\t4152\t45\t0
            4160\t4029\t8\t11\t29\t83
            106\t93\t0\t13\ttrue
            digitisation\t4098\t4152\t98.7%
            data_reuse\t3456\t4152\t83.24%
            online_payment\t\(Self.paymentLine(scenario))
            8\t8\t8
            4266\t01/01/2026–25/05/2026\t26/05/2026 00:00

            """)
    }

    /// The online-payment line as the domain computes it from the same records.
    static func paymentLine(_ scenario: SeedScenario) -> String {
        var tally = PeriodTally(classifier: PeriodClassifier(period: SeedScenario.period, asOf: scenario.asOf))
        tally.add(contentsOf: scenario.dossiers)
        let value = ServiceIndicator.onlinePayment.evaluate(tally.figures)
        return "\(value.numerator)\t\(value.denominator)\t" + VietnameseFormat(decimalMark: .point).percent(value)!
    }

    @Test func provincialLayoutAndCustomIndicators() throws {
        let world = try ScriptWorld()
        try world.load(Fixtures.ward)
        let out = try world.run("""
            local p = period.range("01/05/2026", "25/05/2026")
            local seed = stats.figures(p)
            local prov = stats.figures(p, {layout = "provincial", indicators = {
                {id = "in_person_share", name = "Tỷ lệ trực tiếp", numerator = {"new_in_person"}, denominator = {"new"}},
            }})
            print(seed.refused, seed.overdue, seed.within_limit, seed.early, prov.layout)
            print(prov.indicators[1].id, prov.indicators[1].numerator, prov.indicators[1].denominator, prov.indicators[1].value)
            print(stats.labels().carried_over, #stats.indicator_definitions())
            """)
        #expect(out == "1\t2\t1\t1\tprovincial\nin_person_share\t2\t5\t40.0\nTừ kỳ trước chuyển sang\t6\n")
    }
}
