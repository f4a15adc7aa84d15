import EventSourcing
import Foundation
import PostgresNIO

extension PostgresEventTable {
  /// The function that inserts into a numbered table in one statement, in the table's schema:
  /// `es_insert_` and a hash of the table's name, which keeps within PostgreSQL's 63 bytes.
  var insertFunction: String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a: stable across processes and versions
    for byte in table.name.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    let name = "es_insert_" + String(repeating: "0", count: 16 - hex.count) + hex
    return datastore.schema.quoted + ".\"" + name + "\""
  }

  /// Creates ``insertFunction``: the table lock, the numbering, the insert and the `NOTIFY` of
  /// one insert, run by the server in one statement.
  ///
  /// Called outside a transaction, the statement is its own transaction: the lock is held until
  /// it commits, as it must be, and the insert costs one round trip instead of four (`BEGIN`,
  /// `LOCK`, `INSERT`, `COMMIT`); a unique violation rolls all of it back.
  var createInsertFunctionStatement: String {
    """
    CREATE OR REPLACE FUNCTION \(insertFunction)(\
    ids uuid[], versions bigint[], topics text[], states bytea[]) \
    RETURNS SETOF bigint LANGUAGE plpgsql AS $body$ \
    DECLARE last_id bigint; \
    BEGIN \
    LOCK TABLE \(qualifiedName) IN EXCLUSIVE MODE; \
    SELECT COALESCE(MAX(notification_id), 0) INTO last_id FROM \(qualifiedName); \
    RETURN QUERY INSERT INTO \(qualifiedName) \
    (originator_id, originator_version, topic, state, notification_id) \
    SELECT e.i, e.v, e.t, e.s, last_id + e.n \
    FROM unnest(ids, versions, topics, states) WITH ORDINALITY AS e(i, v, t, s, n) \
    RETURNING notification_id; \
    PERFORM pg_notify(\(literal(table.name)), (last_id + cardinality(ids))::text); \
    END $body$
    """
  }

  /// Inserts events in one statement, outside any transaction: through ``insertFunction`` for
  /// a numbered table, with a plain `INSERT` for snapshots.
  ///
  /// - Returns: The notification IDs, in the order of `events`; empty for snapshots.
  func insertAlone(_ events: [StoredEvent]) async throws -> [Int] {
    var bindings = PostgresBindings()
    bindings.append(events.map(\.originatorID))
    bindings.append(events.map(\.originatorVersion))
    bindings.append(events.map(\.topic))
    bindings.append(events.map { ByteBuffer(bytes: $0.state) })
    let rows = "$1::uuid[], $2::bigint[], $3::text[], $4::bytea[]"
    let sql =
      isNumbered
      ? "SELECT * FROM \(insertFunction)(\(rows))"
      : "INSERT INTO \(qualifiedName) (originator_id, originator_version, topic, state) "
        + "SELECT * FROM unnest(\(rows))"
    return try await datastore.withConnection { connection in
      var ids: [Int] = []
      for try await id in try await connection.rows(sql, bindings).decode(Int.self) {
        ids.append(id)
      }
      return ids.sorted()
    }
  }

  /// A string as an SQL literal.
  private func literal(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
  }
}
