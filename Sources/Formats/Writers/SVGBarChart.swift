/// Draws a `BarChart` as inline SVG: horizontal bars, category labels on the left, values at
/// the bars' ends, a legend when there are several series. Plain shapes and text only, so it
/// prints sharply and needs no script or font file.
enum SVGBarChart {
    static let palette = ["#1F4E79", "#C55A11", "#548235", "#7F6000", "#7030A0", "#2E75B6"]

    static func svg(_ chart: BarChart, style: NumberStyle) -> String {
        let width = 640.0
        let labelWidth = 210.0
        let valueWidth = 70.0
        let barHeight = 16.0
        let gap = 10.0
        let legendHeight = chart.series.count > 1 ? 24.0 : 0
        let titleHeight = 26.0
        let groupHeight = Double(max(chart.series.count, 1)) * barHeight + gap
        let height = titleHeight + legendHeight + Double(chart.categories.count) * groupHeight + 6
        let values = chart.series.flatMap(\.values)
        let maxValue = max(values.max() ?? 0, chart.valueKind == .percent ? 1 : 0, .leastNonzeroMagnitude)
        let barArea = width - labelWidth - valueWidth
        let esc = MarkupEscaping.xml

        var svg = #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \#(n(width)) \#(n(height))" width="100%" "#
        svg += #"role="img" aria-label="\#(esc(chart.title))" font-family="Times New Roman, Times, serif" font-size="12">"#
        svg += #"<text x="\#(n(width / 2))" y="16" text-anchor="middle" font-weight="bold" font-size="14">\#(esc(chart.title))</text>"#
        if chart.series.count > 1 {
            var x = labelWidth
            for (index, series) in chart.series.enumerated() {
                svg += #"<rect x="\#(n(x))" y="\#(n(titleHeight))" width="12" height="12" fill="\#(palette[index % palette.count])"/>"#
                svg += #"<text x="\#(n(x + 16))" y="\#(n(titleHeight + 10))">\#(esc(series.name))</text>"#
                x += 24 + Double(series.name.count) * 6.5
            }
        }
        for (row, category) in chart.categories.enumerated() {
            let top = titleHeight + legendHeight + Double(row) * groupHeight
            let label = category.count > 34 ? String(category.prefix(33)) + "…" : category
            svg += #"<text x="\#(n(labelWidth - 6))" y="\#(n(top + groupHeight / 2))" text-anchor="end" "#
            svg += #"dominant-baseline="middle"><title>\#(esc(category))</title>\#(esc(label))</text>"#
            for (index, series) in chart.series.enumerated() where row < series.values.count {
                let value = series.values[row]
                let length = max(0, value) / maxValue * barArea
                let y = top + Double(index) * barHeight
                svg += #"<rect x="\#(n(labelWidth))" y="\#(n(y + 1))" width="\#(n(length))" height="\#(n(barHeight - 2))" "#
                svg += #"fill="\#(palette[index % palette.count])"/>"#
                let text = chart.valueKind == .percent ? style.percent(value) : style.integer(Int(value.rounded()))
                svg += #"<text x="\#(n(labelWidth + length + 4))" y="\#(n(y + barHeight / 2))" dominant-baseline="middle">\#(esc(text))</text>"#
            }
        }
        svg += #"<line x1="\#(n(labelWidth))" y1="\#(n(titleHeight + legendHeight))" x2="\#(n(labelWidth))" "#
        svg += #"y2="\#(n(height - 6))" stroke="black" stroke-width="1"/>"#
        return svg + "</svg>"
    }

    /// Coordinates with at most one decimal, so the markup stays short and stable.
    private static func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
