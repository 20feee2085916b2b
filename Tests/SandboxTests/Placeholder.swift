import Testing

@Test func sandboxBuilds() { #expect(Bool(true)) }
