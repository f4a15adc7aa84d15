"""The Python eventsourcing library's PostgreSQL recorder under the workloads of the Swift
package's postgres-benchmark, for scripts/benchmark-postgres.sh.

Prints one line per workload: "python WORKLOAD RATE" (per second). Configured by the
POSTGRES_* variables; uses a new table and leaves it behind.
"""

import argparse
import os
import time
import uuid

from eventsourcing.persistence import StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder, PostgresDatastore


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=2000)
    count = parser.parse_args().count
    datastore = PostgresDatastore(
        os.environ["POSTGRES_DBNAME"],
        os.environ["POSTGRES_HOST"],
        os.environ.get("POSTGRES_PORT", "5432"),
        os.environ["POSTGRES_USER"],
        os.environ["POSTGRES_PASSWORD"],
        pool_size=5,
    )
    table = "bench_python_" + uuid.uuid4().hex[:12]
    recorder = PostgresApplicationRecorder(datastore, events_table_name=table)
    recorder.create_table()
    state = b'{"name":"Fido","tricks":["roll over"]}'

    def report(name: str, operations: int, started: float) -> None:
        print(f"python {name} {operations / (time.perf_counter() - started):.1f}", flush=True)

    started = time.perf_counter()
    for _ in range(count):
        recorder.insert_events(
            [StoredEvent(uuid.uuid4(), 1, "Dog.Registered", state)]
        )
    report("insert_one", count, started)

    ids = []
    started = time.perf_counter()
    for _ in range(count // 10):
        originator = uuid.uuid4()
        ids.append(originator)
        recorder.insert_events(
            [StoredEvent(originator, v, "Dog.TrickAdded", state) for v in range(1, 11)]
        )
    report("insert_ten", count, started)

    started = time.perf_counter()
    read, start = 0, 1
    while True:
        page = recorder.select_notifications(start, 100)
        if not page:
            break
        read += len(page)
        start = page[-1].id + 1
    report("read_log", read, started)

    started = time.perf_counter()
    for originator in ids:
        assert len(recorder.select_events(originator)) == 10
    report("select_aggregate", len(ids), started)
    datastore.close()


if __name__ == "__main__":
    main()
