import Foundation
import Scheduling
import Testing

@Suite("Check results: Nagios plugin output, JSON and exit codes")
struct CheckResultTests {
    @Test("exit codes follow the Nagios plugin API")
    func exitCodes() {
        #expect(CheckStatus.allCases.map(\.exitCode) == [0, 1, 2, 3])
        #expect(CheckStatus.allCases.map(\.label) == ["OK", "WARNING", "CRITICAL", "UNKNOWN"])
        #expect(CheckStatus(name: "Critical") == .critical)
        #expect(CheckStatus(name: "bad") == nil)
    }

    @Test("first line is STATUS - summary | perfdata, items follow as long output")
    func nagiosOutput() throws {
        let result = try CheckResult(
            status: .critical, summary: "3 hồ sơ quá hạn",
            metrics: [
                CheckMetric(label: "overdue", value: 3, warn: ThresholdRange(upTo: 0),
                            crit: ThresholdRange("5"), min: 0),
                CheckMetric(label: "ratio", value: 0.25, unit: "%"),
            ],
            items: [
                CheckItem(key: "HS-001", department: "Phòng Tư pháp", daysLeft: -2),
                CheckItem(key: "HS-002", daysLeft: 1),
                CheckItem(key: "HS-003", department: "Phòng Kinh tế", message: "quá hạn 4 ngày"),
            ])
        #expect(result.nagiosOutput == """
            CRITICAL - 3 hồ sơ quá hạn | 'overdue'=3;0;5;0 'ratio'=0.25%
            HS-001 (Phòng Tư pháp): 2 working days over
            HS-002: 1 working day left
            HS-003 (Phòng Kinh tế): quá hạn 4 ngày

            """)
    }

    @Test("labels with spaces and quotes are quoted; pipes in text cannot start perfdata")
    func escaping() throws {
        let metric = try CheckMetric(label: "it's due soon", value: 7)
        #expect(metric.perfdata == "'it''s due soon'=7")
        let result = try CheckResult(status: .ok, summary: "a | b\nsecond line",
                                     metrics: [metric],
                                     items: [CheckItem(key: "X", message: "one\ntwo | three")])
        #expect(result.nagiosOutput == """
            OK - a ¦ b | 'it''s due soon'=7
            second line
            X: one two ¦ three

            """)
    }

    @Test("no metrics: no pipe at all; numbers never use exponents")
    func plainAndNumbers() throws {
        let result = try CheckResult(status: .warning, summary: "late feed")
        #expect(result.nagiosOutput == "WARNING - late feed\n")
        #expect(try CheckMetric(label: "tiny", value: 0.00000125).perfdata == "'tiny'=0.00000125")
        #expect(try CheckMetric(label: "big", value: 2e16).perfdata == "'big'=20000000000000000")
        #expect(try CheckMetric(label: "neg", value: -1.5, max: 10).perfdata == "'neg'=-1.5;;;;10")
    }

    @Test("invalid metrics are refused with the metric named")
    func invalidMetrics() throws {
        #expect(throws: CheckResultError.invalidMetricLabel("a=b")) {
            try CheckMetric(label: "a=b", value: 1)
        }
        #expect(throws: CheckResultError.nonFiniteValue(metric: "x", field: "value")) {
            try CheckMetric(label: "x", value: .nan)
        }
        #expect(throws: CheckResultError.invalidUnit(metric: "x", unit: "k B")) {
            try CheckMetric(label: "x", value: 1, unit: "k B")
        }
        #expect(throws: CheckResultError.invalidRange(metric: "x", field: "warn", text: "5:1")) {
            try ThresholdRange("5:1", metric: "x", field: "warn")
        }
        for good in ["10", "10:", "~:10", "10:20", "@10:20", "-5:5", "@~:0"] {
            #expect(try ThresholdRange(good).text == good)
        }
        for bad in ["", "@", ":", "a", "1:2:3", "~"] {
            #expect(throws: CheckResultError.self) { try ThresholdRange(bad) }
        }
        #expect(throws: CheckResultError.emptyItemKey(index: 2)) {
            try CheckResult(status: .warning, summary: "s",
                            items: [CheckItem(key: "A"), CheckItem(key: "")])
        }
    }

    @Test("JSON form carries status name and exit code and round-trips")
    func json() throws {
        let result = try CheckResult(
            status: .warning, summary: "1 hồ sơ sắp đến hạn",
            metrics: [CheckMetric(label: "due_soon", value: 1, crit: ThresholdRange("@1:3"))],
            items: [CheckItem(key: "HS-9", department: "Phòng Nội vụ", daysLeft: 1)])
        let json = result.jsonOutput()
        #expect(json == #"{"exit_code":1,"items":[{"days_left":1,"department":"Phòng Nội vụ","key":"HS-9"}],"metrics":[{"crit":"@1:3","label":"due_soon","value":1}],"status":"warning","summary":"1 hồ sơ sắp đến hạn"}"# + "\n")
        let decoded = try JSONDecoder().decode(CheckResult.self, from: Data(json.utf8))
        #expect(decoded == result)
    }
}
