#!/usr/bin/env python3
"""The es-benchmark workload, done by the Python `eventsourcing` library.

es-benchmark (Sources/es-benchmark) reads this script's JSON with `--python FILE` and prints
these figures beside its own, so that both are measured on the same machine in the same run.
`scripts/benchmark-side-by-side.sh` installs the library and runs both.

    python dog_school.py --count 10000 --runs 3 --json-out py.json

Each run starts a fresh interpreter and a fresh store (in memory: PERSISTENCE_MODULE=
eventsourcing.popo; SQLite: a new file, which the library puts in WAL mode). The work, with
N = --count, matching es-benchmark's rows:

  create_dogs            N dogs, one save each.
  save_ten_per_save      N/10 dogs of ten events each (registered + 9 tricks), one save each.
  save_one_stream        one dog: registered, then N add_trick, one save per event (the dog
                         is held in memory between saves, no repository.get).
  load                   repository.get of that dog (N+1 events), no snapshots, no cache;
                         SQLite: on a freshly constructed application. Median of --loads.
  read_log               the whole notification log in pages of 1,000.
  read_log_decoded       the same, decoding every notification into a domain event.
  save_snapshotting      a second application with a snapshot every 100 versions (the
                         snapshots table sits in the same SQLite file): one dog as in
                         save_one_stream.
  load_snapshot          repository.get of that dog: the snapshot at version N plus one
                         event. Median of --loads.

Rates are events (or notifications) per second, loads milliseconds; the summary holds the
median of the runs. The library sets no `synchronous` pragma, so SQLite's compiled-in
default applies; the JSON records it (2 = FULL, es-benchmark's setting for the comparison).
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any, Callable, TypeVar
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.domain import Aggregate, event

PAGE = 1_000
SNAPSHOT_INTERVAL = 100
T = TypeVar("T")


class Dog(Aggregate):
    """The tutorial's dog: a name and the tricks it learnt."""

    @event("Registered")
    def __init__(self, name: str) -> None:
        self.name = name
        self.tricks: list[str] = []

    @event("TrickAdded")
    def add_trick(self, trick: str) -> None:
        self.tricks.append(trick)


class DogSchool(Application[UUID]):
    """The tutorial's application; pages of the notification log may hold 1,000 items."""

    log_section_size = PAGE


class SnapshottingDogSchool(DogSchool):
    """The same application, taking a snapshot of a dog every 100 versions."""

    snapshotting_intervals = {Dog: SNAPSHOT_INTERVAL}


def environment(backend: str, database: str) -> dict[str, str]:
    if backend == "memory":
        return {"PERSISTENCE_MODULE": "eventsourcing.popo"}
    return {"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": database}


def timed(work: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def create_dogs(app: DogSchool, count: int) -> None:
    for index in range(count):
        app.save(Dog(f"Dog {index}"))


def save_ten_per_save(app: DogSchool, count: int) -> None:
    for index in range(count):
        dog = Dog(f"Batch dog {index}")
        for trick in range(1, 10):
            dog.add_trick(f"trick {trick}")
        app.save(dog)


def save_one_stream(app: DogSchool, tricks: int) -> UUID:
    dog = Dog("Fido")
    app.save(dog)
    for index in range(1, tricks + 1):
        dog.add_trick(f"trick {index}")
        app.save(dog)
    return dog.id


def read_log(app: DogSchool, decode: bool) -> int:
    read = 0
    start = 1
    to_domain_event = app.mapper.to_domain_event
    while True:
        page = app.notification_log.select(start=start, limit=PAGE)
        if not page:
            return read
        if decode:
            for notification in page:
                to_domain_event(notification)
        read += len(page)
        start = page[-1].id + 1


def median_load(app: DogSchool, dog_id: UUID, events: int, loads: int) -> tuple[float, float]:
    """Loads the dog `loads` times; returns the first load's and the median duration, ms."""
    durations = []
    for _ in range(loads):
        duration, dog = timed(lambda: app.repository.get(dog_id))
        if dog.version != events or len(dog.tricks) != events - 1:
            raise RuntimeError(f"loaded version {dog.version}, expected {events}")
        durations.append(duration * 1000)
    return durations[0], statistics.median(durations)


def single_run(backend: str, count: int, loads: int, directory: str) -> dict[str, Any]:
    """One run of every workload on a fresh store; returns its figures."""
    main_db = os.path.join(directory, "main.sqlite")
    snap_db = os.path.join(directory, "snapshots.sqlite")
    fresh = backend == "sqlite"
    figures: dict[str, Any] = {}

    app = DogSchool(env=environment(backend, main_db))
    duration, _ = timed(lambda: create_dogs(app, count))
    figures["create_dogs"] = count / duration
    batches = count // 10
    duration, _ = timed(lambda: save_ten_per_save(app, batches))
    figures["save_ten_per_save"] = batches * 10 / duration
    duration, dog_id = timed(lambda: save_one_stream(app, count))
    figures["save_one_stream"] = (count + 1) / duration

    reader = DogSchool(env=environment(backend, main_db)) if fresh else app
    figures["load_first_ms"], figures["load_ms"] = median_load(reader, dog_id, count + 1, loads)
    total = count + batches * 10 + count + 1
    for key, decode in (("read_log", False), ("read_log_decoded", True)):
        duration, read = timed(lambda: read_log(reader, decode))
        if read != total:
            raise RuntimeError(f"read {read} notifications, expected {total}")
        figures[key] = read / duration

    snapshotting = SnapshottingDogSchool(env=environment(backend, snap_db))
    duration, dog_id = timed(lambda: save_one_stream(snapshotting, count))
    figures["save_snapshotting"] = (count + 1) / duration
    snap_reader = SnapshottingDogSchool(env=environment(backend, snap_db)) if fresh else snapshotting
    figures["load_snapshot_first_ms"], figures["load_snapshot_ms"] = median_load(
        snap_reader, dog_id, count + 1, loads)

    if fresh:
        connection = sqlite3.connect(main_db)
        figures["synchronous"] = connection.execute("PRAGMA synchronous").fetchone()[0]
        figures["journal_mode"] = connection.execute("PRAGMA journal_mode").fetchone()[0]
        connection.close()
    for application in {id(a): a for a in (app, reader, snapshotting, snap_reader)}.values():
        application.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="N, at least 100")
    parser.add_argument("--runs", type=int, default=3, help="runs per backend; the median is kept")
    parser.add_argument("--loads", type=int, default=5, help="loads per run; the median is kept")
    parser.add_argument("--backends", default="memory,sqlite")
    parser.add_argument("--json-out", default="", help="where to write the JSON (else stdout)")
    parser.add_argument("--single", choices=["memory", "sqlite"], help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.count < 100:
        parser.error("--count needs a number of at least 100")

    if arguments.single:
        with tempfile.TemporaryDirectory(prefix="dog-school-") as directory:
            figures = single_run(arguments.single, arguments.count, arguments.loads, directory)
        print(json.dumps(figures))
        return

    from importlib.metadata import version

    summary: dict[str, Any] = {
        "library": "eventsourcing " + version("eventsourcing"),
        "python": sys.version.split()[0],
        "count": arguments.count,
        "runs": arguments.runs,
        "loads": arguments.loads,
        "median": {},
        "all_runs": {},
    }
    for backend in arguments.backends.split(","):
        runs = []
        for run in range(arguments.runs):
            # A fresh interpreter per run, so that runs share no caches.
            output = subprocess.run(
                [sys.executable, __file__, "--single", backend, "--count", str(arguments.count),
                 "--loads", str(arguments.loads)],
                check=True, capture_output=True, text=True).stdout
            runs.append(json.loads(output.strip().splitlines()[-1]))
            print(f"python {backend}: run {run + 1} of {arguments.runs} done", file=sys.stderr)
        summary["all_runs"][backend] = runs
        summary["median"][backend] = {
            key: statistics.median(run[key] for run in runs)
            for key, value in runs[0].items() if isinstance(value, float)
        }
        if backend == "sqlite":
            summary["sqlite_synchronous"] = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}.get(
                runs[0]["synchronous"], str(runs[0]["synchronous"]))
            summary["sqlite_journal_mode"] = runs[0]["journal_mode"]

    text = json.dumps(summary, indent=2)
    if arguments.json_out:
        with open(arguments.json_out, "w") as file:
            file.write(text + "\n")
    else:
        print(text)


if __name__ == "__main__":
    main()
