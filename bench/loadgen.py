"""A small HTTP load generator for the benchmarks: several processes, each sending requests
one after another for a fixed time, recording every latency. Bounded in time and count, and
only ever pointed at a server on this machine."""

import http.client
import multiprocessing
import statistics
import time
from dataclasses import dataclass


@dataclass
class Result:
    label: str
    requests: int
    errors: int
    seconds: float
    latencies_ms: list

    @property
    def rps(self):
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p):
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]

    def row(self):
        return (
            f"{self.label:<34} {self.rps:>9.1f} req/s  p50 {self.percentile(50):>7.2f} ms  "
            f"p99 {self.percentile(99):>7.2f} ms  ({self.requests} ok, {self.errors} errors)"
        )


def _worker(host, port, path, headers, seconds, max_requests, queue):
    latencies, errors = [], 0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline and len(latencies) < max_requests:
        started = time.perf_counter()
        try:
            conn = http.client.HTTPConnection(host, port, timeout=10)
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            conn.close()
            if response.status != 200:
                errors += 1
                continue
        except OSError:
            errors += 1
            continue
        latencies.append((time.perf_counter() - started) * 1000)
    queue.put((latencies, errors))


def run(label, host, port, path, headers=None, seconds=10.0, concurrency=4, max_requests=200_000):
    assert host in {"127.0.0.1", "localhost", "::1"}, "benchmarks only load this machine"
    queue = multiprocessing.Queue()
    procs = [
        multiprocessing.Process(target=_worker, args=(host, port, path, headers or {}, seconds, max_requests, queue))
        for _ in range(concurrency)
    ]
    started = time.perf_counter()
    for proc in procs:
        proc.start()
    results = [queue.get() for _ in procs]
    for proc in procs:
        proc.join()
    elapsed = time.perf_counter() - started
    latencies = [lat for lats, _ in results for lat in lats]
    errors = sum(err for _, err in results)
    return Result(label, len(latencies), errors, elapsed, latencies)


def median(values):
    return statistics.median(values) if values else float("nan")
