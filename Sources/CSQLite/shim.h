#include <sqlite3.h>

/// SQLITE_TRANSIENT is a cast macro that Swift cannot import: it tells SQLite to copy bound
/// bytes before the bind call returns, so that Swift may free its buffer right after.
static inline sqlite3_destructor_type csqlite_transient(void) {
  return SQLITE_TRANSIENT;
}
