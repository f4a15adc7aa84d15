"""The Python eventsourcing library's PostgreSQL recorder under the workloads of the Swift
package's postgres-benchmark, for scripts/benchmark-postgres.sh.

Prints one line per workload: "python WORKLOAD RATE" (per second). Configured by the
POSTGRES_* variables; uses a new table and leaves it behind.

With --writer-table NAME it is one of several writer processes instead: it creates the table
when --count is 0; otherwise it waits until the Unix time --start-at, inserts --count events
one per insert, and prints "END SECONDS", when it finished.
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
    parser.add_argument("--writer-table")
    parser.add_argument("--start-at", type=float, default=0.0)
    arguments = parser.parse_args()
    count = arguments.count
    datastore = PostgresDatastore(
        os.environ["POSTGRES_DBNAME"],
        os.environ["POSTGRES_HOST"],
        os.environ.get("POSTGRES_PORT", "5432"),
        os.environ["POSTGRES_USER"],
        os.environ["POSTGRES_PASSWORD"],
        pool_size=5,
    )
    state = b'{"name":"Fido","tricks":["roll over"]}'
    if arguments.writer_table:
        recorder = PostgresApplicationRecorder(
            datastore, events_table_name=arguments.writer_table
        )
        if count == 0:
            recorder.create_table()
        else:
            time.sleep(max(0.0, arguments.start_at - time.time()))
            for _ in range(count):
                recorder.insert_events(
                    [StoredEvent(uuid.uuid4(), 1, "Dog.Registered", state)]
                )
            print(f"END {time.time()}", flush=True)
        datastore.close()
        return
    table = "bench_python_" + uuid.uuid4().hex[:12]
    recorder = PostgresApplicationRecorder(datastore, events_table_name=table)
    recorder.create_table()

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

    long_history, loads = 10_000, 5
    long = uuid.uuid4()
    for first in range(1, long_history + 1, 100):
        recorder.insert_events(
            [StoredEvent(long, v, "Dog.Walked", state) for v in range(first, first + 100)]
        )
    started = time.perf_counter()
    for _ in range(loads):
        assert len(recorder.select_events(long)) == long_history
    report("load_10000", long_history * loads, started)
    datastore.close()


if __name__ == "__main__":
    main()
