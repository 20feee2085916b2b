import HostAPI
import Testing

@Suite struct ReportModuleTests {
    /// `report.numbered`: an "STT" column first, rows numbered from 1 (empty cells kept), and a
    /// total row given or summed over the integer and number columns only.
    @Test func numberedTablesNumberRowsAndSumTheirTotal() throws {
        let out = try ScriptWorld().run("""
            local spec = report.numbered{
              title = "Theo nguồn",
              columns = { { title = "Nguồn", type = "text" }, { title = "Bản ghi", type = "integer" },
                          { title = "Tỷ lệ", type = "percent" }, { title = "Điểm", type = "number" } },
              groups = { { title = "Nguồn", span = 1 }, { title = "Số liệu", span = 3 } },
              rows = { { "motcua", 3, 50, 1.5 }, { "dvcqg", nil, 100, 2 }, { "hotich", 4, nil, nil, bold = true } },
              total = "Tổng cộng",
            }
            print(spec.title, #spec.columns, spec.columns[1].title, spec.columns[1].type, spec.columns[1].width, spec.columns[2].title)
            print(#spec.groups, spec.groups[1].title == "", spec.groups[1].span, spec.groups[2].title)
            for _, row in ipairs(spec.rows) do print(row[1], row[2], row[3], row[4], row[5], row.bold) end
            print(spec.total[1], spec.total[2], spec.total[3], spec.total[4], spec.total[5])
            local given = report.numbered{ columns = { "Tên", "Số" }, rows = {}, total = { "Cả kỳ", 9 } }
            print(#given.rows, given.total[1], given.total[2], given.total[3])
            print(pcall(report.numbered, { columns = {} }))
            print(pcall(report.numbered, { columns = { "A" }, total = 1 }))
            """)
        #expect(out == """
            Theo nguồn\t5\tSTT\tinteger\t5\tNguồn
            3\ttrue\t1\tNguồn
            1\tmotcua\t3\t50\t1.5\tnil
            2\tdvcqg\tnil\t100\t2\tnil
            3\thotich\t4\tnil\tnil\ttrue
            nil\tTổng cộng\t7\tnil\t3.5
            0\tnil\tCả kỳ\t9
            false\tbad argument #1 to 'report.numbered' (field 'columns': a non-empty array of columns expected)
            false\tbad argument #1 to 'report.numbered' (field 'total': a row or a label expected, got number)

            """)
    }

    /// A leading untitled group (columns whose titles span both header rows) takes the "STT"
    /// column in, rather than a second untitled group being put before it.
    @Test func numberedJoinsALeadingUntitledGroup() throws {
        let out = try ScriptWorld().run("""
            local spec = report.numbered{
              columns = { "Lĩnh vực", "Tổng số", "Trực tuyến" },
              groups = { { title = "", span = 1 }, { title = "Tiếp nhận", span = 2 } },
              rows = { { "Tư pháp", 3, 2 } },
            }
            print(#spec.groups, spec.groups[1].title == "", spec.groups[1].span, spec.groups[2].title, spec.groups[2].span)
            """)
        #expect(out == "2\ttrue\t2\tTiếp nhận\t2\n")
    }
}
