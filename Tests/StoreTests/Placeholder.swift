import Testing

@Test func storeBuilds() { #expect(Bool(true)) }
