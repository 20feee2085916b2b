import Testing

@Test func luaBridgeBuilds() { #expect(Bool(true)) }
