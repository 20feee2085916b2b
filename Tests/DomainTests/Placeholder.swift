import Testing

@Test func domainBuilds() { #expect(Bool(true)) }
