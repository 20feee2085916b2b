import Testing

@Test func hostrunBuilds() { #expect(Bool(true)) }
