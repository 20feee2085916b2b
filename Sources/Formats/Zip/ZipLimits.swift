/// Limits that keep a hostile or broken ZIP package (XLSX, DOCX) from exhausting memory or disk.
public struct ZipLimits: Sendable, Equatable {
    /// The largest uncompressed size accepted for any one entry, declared or actual.
    public var maxEntryBytes: UInt64
    /// The highest compression ratio accepted for an entry at least `ratioCheckMinimumBytes`
    /// long. Real sheets compress 5–50:1; deflate bombs approach 1000:1.
    public var maxCompressionRatio: UInt64
    /// Entries smaller than this are never refused for their ratio: a tiny entry cannot hurt.
    public var ratioCheckMinimumBytes: UInt64
    /// The largest part read whole into memory (workbook.xml, styles.xml, relationships);
    /// sheets and shared strings stream from disk and answer to `maxEntryBytes` only.
    public var maxInMemoryPartBytes: UInt64

    /// Defaults: 512 MiB per entry, 250:1 for entries of 8 MiB or more, 64 MiB for small parts.
    public init(maxEntryBytes: UInt64 = 512 << 20, maxCompressionRatio: UInt64 = 250,
                ratioCheckMinimumBytes: UInt64 = 8 << 20, maxInMemoryPartBytes: UInt64 = 64 << 20) {
        self.maxEntryBytes = maxEntryBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioCheckMinimumBytes = ratioCheckMinimumBytes
        self.maxInMemoryPartBytes = maxInMemoryPartBytes
    }
}
