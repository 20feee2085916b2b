import Foundation
import HostAPI
import Testing

/// Errors written for script authors: which argument of which function, at the script's line.
@Suite struct ArgumentErrorTests {
    static let cases: [(code: String, message: String)] = [
        ("dossiers.query('processing')", "bad argument #1 to 'dossiers.query' (table expected, got string)"),
        ("dossiers.query{stauts = 'processing'}", "bad argument #1 to 'dossiers.query' (unknown field 'stauts')"),
        ("dossiers.count{status = 'procesing'}",
         "bad argument #1 to 'dossiers.count' (field 'status': unknown status 'procesing' (one of received, processing, supplement_requested, awaiting_payment, resolved, returned, refused, withdrawn))"),
        ("dossiers.query{due_before = '32/05/2026'}", "bad argument #1 to 'dossiers.query' (field 'due_before': “32/05/2026”: day 32 does not exist in 05/2026)"),
        ("dossiers.query{limit = 'ten'}", "bad argument #1 to 'dossiers.query' (field 'limit': number expected, got string)"),
        ("dossiers.query{received_in = 2026}", "bad argument #1 to 'dossiers.query' (field 'received_in': Period expected, got number)"),
        ("dossiers.group_by('colour')", "bad argument #1 to 'dossiers.group_by' ('colour' is not one of field, procedure, department, channel, source, centre, status)"),
        ("dossiers.get()", "bad argument #1 to 'dossiers.get' (string expected, got no value)"),
        ("dossiers.get('HS-001'):classify('2026')", "bad argument #1 to 'Dossier:classify' (Period expected, got string)"),
        ("dossiers.get('HS-001'):days_overdue({})", "bad argument #1 to 'Dossier:days_overdue' (a time: an integer (seconds since 1970) or text such as \"25/05/2026\" or \"25/05/2026 17:00\" expected, got table)"),
        ("local d = dossiers.get('HS-001') d.days_overdue(1)", "calling 'Dossier:days_overdue' on bad self (Dossier expected, got number)"),
        ("period.half_year(2026, 3)", "bad argument #2 to 'period.half_year' (must be between 1 and 2)"),
        ("period.range('25/05/2026', '01/01/2026')", "period.range: reporting period: from 25/05/2026 is after to 01/01/2026"),
        ("stats.figures({})", "bad argument #1 to 'stats.figures' (Period expected, got table)"),
        ("stats.figures(period.year(2026), {by = 'colour'})", "bad argument #2 to 'stats.figures' (field 'by': 'colour' is not one of field, procedure, department, channel, source, centre)"),
        ("stats.figures(period.year(2026), {layout = 'county'})", "bad argument #2 to 'stats.figures' (field 'layout': 'county' is not one of 'seed', 'provincial')"),
        ("calendar.add_working_days('25/05/2026', -1)", "bad argument #2 to 'calendar.add_working_days' (must be between 0 and 100000)"),
        ("calendar.due_date(0, {weeks = 1})", "bad argument #2 to 'calendar.due_date' (unknown field 'weeks')"),
        ("calendar.is_working_day(true)", "bad argument #1 to 'calendar.is_working_day' (a time: an integer (seconds since 1970) or text such as \"25/05/2026\" or \"25/05/2026 17:00\" expected, got boolean)"),
        ("calendar.is_working_day(1.5)", "bad argument #1 to 'calendar.is_working_day' (a time must be a whole number of seconds)"),
        ("text.format_number('bốn')", "bad argument #1 to 'text.format_number' (number expected, got string)"),
        ("text.format_percent(98.7, {decimal = ';'})", "bad argument #2 to 'text.format_percent' (field 'decimal': ';' is not \",\" or \".\")"),
        ("text.format_percent(-1)", "bad argument #1 to 'text.format_percent' (a rate must be a finite number, not negative)"),
        ("text.upper(nil)", "bad argument #1 to 'text.upper' (string expected, got nil)"),
        ("json.encode(1, {indent = 20})", "bad argument #2 to 'json.encode' (field 'indent': must be between 0 and 8)"),
        ("csv.encode({{x = 1}}, {separator = '|'})", "bad argument #2 to 'csv.encode' (field 'separator': '|' is not \",\", \";\" or \"\\t\")"),
        ("csv.encode({1})", "bad argument #1 to 'csv.encode' (row 1: table expected, got number)"),
        ("csv.rows('x.csv', {encoding = 'latin1'})", "csv.rows: x.csv: no such file or directory"),
        ("report.document_number('BC', 'TTPVHCC', {})", "bad argument #3 to 'report.document_number' (integer or string expected, got table)"),
        ("report.document_number('BC', 'TTPVHCC', 1.5)", "bad argument #3 to 'report.document_number' (integer or string expected, got number)"),
        ("clock.advance('soon')", "clock.advance: only spec files run by `hostrun test` may change the clock (use --now to set it for a script)"),
    ]

    @Test(arguments: cases)
    func aBadArgumentIsNamedWithTheScriptLine(code: String, message: String) throws {
        let world = try ScriptWorld()
        try world.load(Fixtures.ward)
        let error = world.failure("local x = 1\n" + code)
        #expect(error?.message == "script.lua:2: " + message)
        #expect(error?.location?.line == 2)
    }
}
