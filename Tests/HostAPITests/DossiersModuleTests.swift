import Domain
import Foundation
import HostAPI
import LuaBridge
import Testing

@Suite struct DossiersModuleTests {
    func world() throws -> ScriptWorld {
        let world = try ScriptWorld()
        try world.load(Fixtures.ward)
        return world
    }

    @Test func getReadsEveryFieldOfOneDossier() throws {
        let out = try world().run("""
            local d = dossiers.get("HS-004")
            print(d.code, d.source, d.procedure_code, d.field, d.channel, d.status)
            print(text.format_date(d.received_at, "datetime"), text.format_date(d.finished_at), d.due_at ~= nil)
            print(#d.history, d.history[3].status, d.history[3].note, d.history[3].actor)
            print(d.time_limit.days, d.digitised, d.fee_payable)
            print(dossiers.get("nope"), dossiers.get("HS-004", "other"))
            """)
        #expect(out == """
            HS-004\tmotcua\t1.001193\tHộ tịch\tin_person\trefused
            04/05/2026 08:30\t08/05/2026\ttrue
            3\trefused\tHồ sơ không đủ điều kiện: thiếu giấy chứng sinh\tcán bộ A
            5\tfalse\tfalse
            nil\tnil

            """)
    }

    @Test func queryStreamsWithFiltersAndOrder() throws {
        let out = try world().run("""
            for d in dossiers.query{status = "processing", field = "Hộ tịch", due_before = "25/05/2026"} do
                print(d.code)
            end
            local codes = {}
            for d in dossiers.query{order = "due_at", descending = true, limit = 3} do codes[#codes + 1] = d.code end
            print(table.concat(codes, ","))
            for d in dossiers.query{received_in = period.month(2026, 5), channel = {"in_person"}} do print("in person", d.code) end
            """)
        #expect(out == "HS-001\nHS-003,HS-002,HS-001\nin person\tHS-002\nin person\tHS-004\n")
    }

    @Test func breakingOutOfAQueryClosesItAndTheStoreStaysUsable() throws {
        let out = try world().run("""
            for round = 1, 50 do
                for d in dossiers.query{} do break end
            end
            print(dossiers.count{})
            """)
        #expect(out == "5\n")
    }

    @Test func countAndGroupByRunInTheStore() throws {
        let out = try world().run("""
            print(dossiers.count{overdue_on = clock.today()})
            for _, g in ipairs(dossiers.group_by("department", {overdue_on = clock.today()})) do print(g.key, g.count) end
            for _, g in ipairs(dossiers.group_by("status")) do print(g.key, g.count) end
            for _, g in ipairs(dossiers.group_by("channel")) do print(g.key, g.label, g.count) end
            """)
        #expect(out == """
            2
            Phòng Kinh tế\t1
            Phòng Văn hóa - Xã hội\t1
            processing\t3
            refused\t1
            resolved\t1
            in_person\tTrực tiếp\t2
            online\tTrực tuyến\t3

            """)
    }

    @Test func deadlineMethodsUseTheHostClock() throws {
        let out = try world().run("""
            local d = dossiers.get("HS-001")
            print(d:days_overdue(), d:working_days_left(), d:standing().state)
            local soon = dossiers.get("HS-003")
            print(soon:days_overdue(), soon:working_days_left(), soon:working_days_left("29/05/2026"))
            local intake, outcome = d:classify(period.range("01/05/2026", "25/05/2026"))
            print(intake, outcome, dossiers.get("HS-005"):classify(period.month(2026, 4)))
            print(d:status_at("12/05/2026 09:00"))
            """)
        // Due Tue 19/05; on Mon 25/05 that is 4 working days late (20, 21, 22, 25).
        #expect(out == "4\t-4\toverdue\n0\t2\t-2\nonline\toverdue\tnil\nprocessing\n")
    }

    @Test func personalDataIsMaskedUnlessGranted() throws {
        let world = try world()
        let script = """
            local a = dossiers.get("HS-001").applicant
            print(a.name, a.id, a.phone, a.address)
            """
        #expect(try world.run(script) == "N***** V** A*\t*********345\t*******678\t1* L* L**\n")
        #expect(try world.run(script, environment: world.environment(personalData: true))
            == "Nguyễn Văn An\t001204012345\t0912345678\t12 Lê Lợi\n")
        let refused = world.failure("for d in dossiers.query{applicant = 'an'} do end")
        #expect(refused?.message.contains("field 'applicant': searching by applicant needs personal data") == true)
    }

    @Test func toTableGivesPlainValuesForJSON() throws {
        let out = try world().run("""
            local t = dossiers.get("HS-005"):to_table()
            print(json.encode({code = t.code, status = t.status, finished_at = t.finished_at, limit = t.time_limit}))
            """)
        #expect(out == #"{"code":"HS-005","finished_at":1778486400,"limit":{"days":5},"status":"resolved"}"# + "\n")
    }

    @Test func fieldsAreReadOnlyAndUnknownOnesNamed() throws {
        let world = try world()
        #expect(world.failure("dossiers.get('HS-001').status = 'resolved'")?.message
            == "script.lua:1: cannot set field 'status' of Dossier")
        #expect(world.failure("local d = dossiers.get('HS-001')\nprint(d.stauts)")?.message
            == "script.lua:2: Dossier has no field 'stauts'")
    }

    @Test func aMissingStoreIsAClearErrorOnlyWhenUsed() throws {
        let world = try ScriptWorld()
        #expect(try world.run("print(text.format_number(4266))") == "4.266\n")
        let message = world.failure("print(dossiers.count{})")?.message ?? ""
        #expect(message.hasPrefix("script.lua:1: dossiers.count: no store at \(world.storePath)"))
        #expect(!FileManager.default.fileExists(atPath: world.storePath))
    }
}
