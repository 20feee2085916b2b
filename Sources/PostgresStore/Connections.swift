import Foundation
import PostgresNIO

/// A small pool of PostgreSQL connections used synchronously: a caller takes one, runs its
/// statements and waits for each result on its own thread (never an event-loop thread), then
/// gives it back. Connections run on NIO's shared event-loop group; waiting on futures rather
/// than on Swift tasks keeps a blocked caller from starving the cooperative thread pool.
final class Connections: @unchecked Sendable {
    let url: PostgresURL
    private let configuration: PostgresConnection.Configuration
    let logger: Logger
    // `idle` and `nextID` are guarded by `lock`.
    private let lock = NSLock()
    private var idle: [PostgresConnection] = []
    private var nextID = 0
    /// Idle connections kept beyond this are closed.
    private let keep = 4

    init(url: PostgresURL, password: String?) throws {
        self.url = url
        let tls: PostgresConnection.Configuration.TLS
        switch url.tls {
        case .disable:
            tls = .disable
        case .prefer, .require:
            var settings = TLSConfiguration.makeClientConfiguration()
            settings.certificateVerification = .none
            let context = try NIOSSLContext(configuration: settings)
            tls = url.tls == .prefer ? .prefer(context) : .require(context)
        case .verify:
            tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        var configuration = if let socket = url.socketFolder {
            PostgresConnection.Configuration(
                unixSocketPath: "\(socket)/.s.PGSQL.\(url.port)", username: url.user,
                password: password, database: url.database)
        } else {
            PostgresConnection.Configuration(
                host: url.host, port: url.port, username: url.user, password: password,
                database: url.database, tls: tls)
        }
        // The figures are one wide pass whose expressions JIT compilation takes seconds to
        // compile (measured: 2.8 s of JIT for a 50 ms query); no query of the store gains that
        // back. Sent at connection start, so it costs no round trip.
        configuration.options.additionalStartupParameters = [("jit", "off")]
        self.configuration = configuration
        var logger = Logger(label: "hostrun.postgres")
        logger.logLevel = .critical
        self.logger = logger
    }

    deinit {
        for connection in idle { connection.closeQuietly() }
    }

    /// Runs `body` with a connection, then keeps the connection for the next caller unless it
    /// was closed or `body` threw (the connection's state is then unknown, so it is dropped).
    func with<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try take()
        do {
            let result = try body(connection)
            give(connection)
            return result
        } catch {
            connection.closeQuietly()
            throw error
        }
    }

    /// A connection of its own for a long reader (a cursor), closed by the caller.
    func open() throws -> PostgresConnection {
        let id = lock.withLock { () -> Int in
            nextID += 1
            return nextID
        }
        return try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(),
                                              configuration: configuration, id: id,
                                              logger: logger).wait()
    }

    private func take() throws -> PostgresConnection {
        while let connection = lock.withLock({ idle.popLast() }) {
            if !connection.isClosed { return connection }
        }
        return try open()
    }

    private func give(_ connection: PostgresConnection) {
        guard !connection.isClosed else { return }
        let kept = lock.withLock { () -> Bool in
            guard idle.count < keep else { return false }
            idle.append(connection)
            return true
        }
        if !kept { connection.closeQuietly() }
    }
}

extension PostgresConnection {
    /// Closes without waiting: the connection is of no further use whatever happens. The
    /// callback keeps the connection alive until it is closed, as postgres-nio requires.
    func closeQuietly() {
        let closing: EventLoopFuture<Void> = close()
        closing.whenComplete { _ in withExtendedLifetime(self) {} }
    }

    /// Runs one statement and waits for all its rows.
    @discardableResult
    func run(_ sql: String, _ binds: PostgresBindings = PostgresBindings(),
             logger: Logger) throws -> PostgresQueryResult {
        try query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).wait()
    }
}
