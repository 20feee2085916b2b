import Domain
import Foundation
import HostAPI
import Sandbox
import Testing

@Suite struct TextCalendarClockTests {
    @Test func textIsVietnameseAware() throws {
        let out = try ScriptWorld().run("""
            print(text.upper("đường Lê Lợi"), text.lower("ĐỨC"), text.fold("Nguyễn Văn Đức"))
            print(text.nfc("Ho\\u{0300}a") == "Hòa", text.trim("  a b \\n"))
            print(text.format_number(4266), text.format_number(-1234567), text.format_number(1234.5), text.format_number(2.5, {decimals = 2, decimal = "."}))
            print(text.format_percent(98.7), text.format_percent(83.2412), text.format_percent(100), text.format_percent(98.7, {decimal = "."}))
            local t = text.parse_date("25/05/2026 17:00")
            print(t, text.format_date(t), text.format_date(t, "d/M/yy HH:mm"), text.format_date(t, "iso"), text.format_date("08/04/2026", "prose"))
            print(text.parse_date("31/02/2026"))
            """)
        #expect(out == """
            ĐƯỜNG LÊ LỢI\tđức\tnguyen van duc
            true\ta b
            4.266\t-1.234.567\t1.234,5\t2.50
            98,7%\t83,24%\t100%\t98.7%
            1779703200\t25/05/2026\t25/5/26 17:00\t2026-05-25T17:00:00+07:00\t08/4/2026
            nil\t“31/02/2026”: day 31 does not exist in 02/2026

            """)
    }

    @Test func calendarKnowsHolidaysAndMakeUpDays() throws {
        let out = try ScriptWorld().run("""
            print(calendar.is_working_day("01/09/2026"), calendar.is_working_day("22/08/2026"), calendar.is_working_day("24/05/2026"))
            print(text.format_date(calendar.add_working_days("22/05/2026", 1)), text.format_date(calendar.next_working_day("25/04/2026")))
            print(calendar.working_days_between("19/05/2026", "25/05/2026"), calendar.working_days_between("25/05/2026", "19/05/2026"))
            local h = calendar.holidays(2026)
            print(#h > 0, text.format_date(h[1].date), h[1].name ~= nil, calendar.has_holidays(2026), calendar.has_holidays(2040))
            print(text.format_date(calendar.due_date("22/05/2026 16:00", 5), "datetime"))
            print(text.format_date(calendar.due_date("22/05/2026 16:00", 5, {cutoff = "15:00"}), "datetime"))
            print(text.format_date(calendar.due_date("25/05/2026 10:00", {hours = 4}), "datetime"))
            """)
        #expect(out == """
            false\ttrue\tfalse
            25/05/2026\t28/04/2026
            4\t-4
            true\t01/01/2026\ttrue\ttrue\tfalse
            29/05/2026 17:00
            01/06/2026 17:00
            25/05/2026 16:00

            """)
    }

    @Test func theClockIsTheHostsAndOnlySpecFilesMoveIt() throws {
        let world = try ScriptWorld()
        #expect(try world.run("print(text.format_date(clock.now(), 'datetime'), text.format_date(clock.today(), 'datetime'))")
            == "25/05/2026 17:00\t25/05/2026 00:00\n")
        #expect(world.failure("clock.set('01/01/2026')")?.message.contains("only spec files run by `hostrun test` may change the clock") == true)
        let spec = world.environment(controlsClock: true)
        #expect(try world.run("""
            clock.set("25/05/2026 17:00")
            clock.advance{days = 3, hours = 1}
            print(text.format_date(clock.now(), "datetime"), text.format_date(clock.advance(60), "datetime"))
            """, environment: spec) == "28/05/2026 18:00\t28/05/2026 18:01\n")
        #expect(world.clock.now() == ScriptWorld.at("28/05/2026 18:01"))
    }
}

@Suite struct DataFormatTests {
    @Test func jsonRoundTripsWithNullAndSortedKeys() throws {
        let out = try ScriptWorld().run("""
            local v = json.decode('{"b": [1, 2.5, "x\\\\u00e9"], "a": null, "c": {"d": true}, "e": "Hòa"}')
            print(v.a == json.null, math.type(v.b[1]), math.type(v.b[2]), v.b[3], v.c.d, v.e)
            print(json.encode(v))
            print(json.encode({1, 2, {x = "y"}}, {indent = true}))
            print(json.encode({}), json.encode("a\\"b\\n"), json.encode(json.null))
            """)
        #expect(out == """
            true\tinteger\tfloat\txé\ttrue\tHòa
            {"a":null,"b":[1,2.5,"xé"],"c":{"d":true},"e":"Hòa"}
            [
              1,
              2,
              {
                "x": "y"
              }
            ]
            []\t"a\\"b\\n"\tnull

            """)
    }

    @Test func jsonErrorsSayWhere() throws {
        let world = try ScriptWorld()
        #expect(world.failure("json.decode('{\"a\": 1,\\n  \"b\" 2}')")?.message
            == "script.lua:1: json.decode: line 2, column 7: expected ':' after the key, found '2'")
        #expect(world.failure("json.encode({items = {1, {due = print}}})")?.message
            == "script.lua:1: json.encode: at items[2].due: cannot encode a function")
        #expect(world.failure("local t = {} t.self = t json.encode(t)")?.message
            == "script.lua:1: json.encode: at self: the table contains itself")
        #expect(world.failure("json.encode({[1] = 1, x = 2})")?.message.contains("cannot be encoded") == true)
    }

    @Test func csvStreamsGrantedFilesAndEncodesForExcel() throws {
        let world = try ScriptWorld()
        let data = world.folder + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let csv: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("ma_ho_so;ten;ghi_chu\r\nHS-1;Nguyễn Văn An;\"dòng 1\r\ndòng 2\"\r\nHS-2;Lê Thị B;\r\n".utf8)
        FileManager.default.createFile(atPath: data + "/export.csv", contents: Data(csv))
        let environment = world.environment(capabilities: Capabilities(readPaths: [data]))
        let out = try world.run("""
            for row, n in csv.rows(arg[1]) do print(n, row.ma_ho_so, row.ten, row.ghi_chu) end
            local rows = csv.decode("a,b\\n1,x\\n2,y\\n")
            print(#rows, rows[2].a, rows[2].b, #csv.decode("1,2\\n3,4\\n", {header = false})[2])
            io_text = csv.encode({{code = "HS-1", note = "a, b"}, {code = "HS-2", note = 'say "hi"'}})
            print(io_text)
            print(csv.encode({{"x", 1, true}}, {separator = ";"}))
            """, arguments: [data + "/export.csv"], environment: environment)
        #expect(out == "2\tHS-1\tNguyễn Văn An\tdòng 1\r\ndòng 2\n3\tHS-2\tLê Thị B\t\n2\t2\ty\t2\ncode,note\r\nHS-1,\"a, b\"\r\nHS-2,\"say \"\"hi\"\"\"\r\n\nx;1;true\r\n\n")
        #expect(world.failure("csv.rows('/etc/passwd')")?.message
            == "script.lua:1: csv.rows: access to /etc/passwd is not granted (use --allow-read with a folder that contains it)")
        #expect(world.failure("csv.decode('a,b\\n1,2,3\\n')")?.message.hasPrefix("script.lua:1: csv.decode: text, row 2") == true)
        #expect(world.failure("csv.records('\(data)/export.csv', {header = false})", environment: environment)?.message
            == "script.lua:1: bad argument #2 to 'csv.records' (field 'header': must not be false, the file's header names the fields)")
    }

    @Test func csvColumnsKeyRowsByYourNamesAndNameEveryMissingColumn() throws {
        let world = try ScriptWorld()
        let out = try world.run("""
            local rows = csv.decode("STT,Mã hồ sơ,trạng thái\\n1,HS-1,Đã tiếp nhận\\n", {columns = {code = "Mã hồ sơ", status = "Trạng thái"}})
            print(#rows, rows[1].code, rows[1].status, rows[1]["Mã hồ sơ"], rows[1].STT)
            """)
        #expect(out == "1\tHS-1\tĐã tiếp nhận\tnil\tnil\n")
        #expect(world.failure("csv.decode('STT,Tên\\n', {columns = {code = 'Mã hồ sơ', status = 'Trạng thái'}})")?.message
            == "script.lua:1: csv.decode: text, row 1: missing column(s) \"Mã hồ sơ\", \"Trạng thái\"; the header has \"STT\", \"Tên\"")
        #expect(world.failure("csv.decode('a\\n', {header = false, columns = {code = 'a'}})")?.message.contains("field 'columns'") == true)
    }

    @Test func logWritesLevelsWithTheScriptLine() throws {
        let world = try ScriptWorld()
        try world.run("log.debug('d', 1)\nlog.info('imported', 4266, 'rows', nil, {})\nlog.warn(true)",
                      environment: world.environment(logLevel: .info))
        #expect(world.log.lines == ["[info] script.lua:2: imported 4266 rows nil table", "[warn] script.lua:3: true"])
    }
}
