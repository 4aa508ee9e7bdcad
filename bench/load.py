"""make load: gunicorn against a throwaway PostgreSQL, signed-in users hammering the pages they use most.

Run through scripts/with-postgres.sh: `python -m bench.load`. It seeds LOAD_CENTRES centres × 50 employees (20),
creates LOAD_USERS users (20: HR officers and directors linked to one centre each, and 2 committee analysts who see
the nation), starts gunicorn (`config.wsgi`, 2 workers per core) on 127.0.0.1 and lets every user request, without
pause, a random page among: the employee list, an employee card, the eligibility page and the centre dashboard (when
the project has it), for LOAD_SECONDS (30). A closed loop with no think time: 20 users here are far more than 20
people at their desks.

The load generator is this process (one thread per user, http.client, one connection per request as gunicorn's
sync workers close them anyway); it shares the machine's cores with gunicorn and PostgreSQL, so the numbers are a
floor for what the server alone would do. Every answer but 200 is an error, and so is a connection failure;
any error makes the command fail. Writes bench/results/load.json.
"""

# ruff: noqa: E402  (Django must be set up by bootstrap() before the project's modules are imported)

from bench import bootstrap

bootstrap()

import http.client
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.urls import reverse

from accounts.roles import COMMITTEE_ANALYST
from bench.common import (
    BenchUser,
    busy_warning,
    machine,
    make_users,
    median,
    optional_reverse,
    percentile,
    prepare_database,
    session_cookie,
    step,
)
from staffing.models import Centre, Employee

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
HOST = "127.0.0.1"
CARDS_PER_USER = 20  # employee cards each user rotates through


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


@dataclass
class Visitor:
    """One signed-in user and the pages they open, by kind (list, card, eligibility, dashboard)."""

    name: str
    cookie: str
    pages: dict[str, list[str]]
    rng: random.Random = field(default_factory=random.Random)

    def next_page(self) -> tuple[str, str]:
        kind = self.rng.choice(sorted(self.pages))
        return kind, self.rng.choice(self.pages[kind])


def visitors(users: list[BenchUser]) -> list[Visitor]:
    """Each user's pages within their scope: their centre for HR officers and directors, any centre for analysts."""
    cookie_name = settings.SESSION_COOKIE_NAME
    all_centres = list(Centre.objects.order_by("code").values_list("code", flat=True))
    made = []
    for number, bench_user in enumerate(users):
        active = Employee.objects.filter(dismissal_date__isnull=True)
        if bench_user.role == COMMITTEE_ANALYST:
            centres = all_centres
        else:
            centres = [bench_user.centre.code]
            active = active.filter(centre=bench_user.centre)
        rng = random.Random(number)  # the same cards and the same mix of pages on every run
        ids = list(active.order_by("pk").values_list("pk", flat=True))
        cards = rng.sample(ids, min(CARDS_PER_USER, len(ids)))
        pages = {
            "list": [reverse("staffing:employee_list")],
            "card": [reverse("staffing:employee", args=[pk]) for pk in cards],
            "eligibility": [reverse("attestation:eligibility")],
        }
        dashboards = [optional_reverse("attestation:dashboard", code) for code in centres]
        if all(dashboards):
            pages["dashboard"] = dashboards
        made.append(
            Visitor(
                name=bench_user.user.username,
                cookie=f"{cookie_name}={session_cookie(bench_user.user)}",
                pages=pages,
                rng=rng,
            )
        )
    return made


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def get(port: int, path: str, cookie: str = "") -> tuple[int, int]:
    """GET path; (status, body bytes). Raises OSError/HTTPException when the server does not answer."""
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        conn.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = conn.getresponse()
        return response.status, len(response.read())
    finally:
        conn.close()


def start_gunicorn(workers: int, port: int) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "config.wsgi",
        "--workers",
        str(workers),
        "--bind",
        f"{HOST}:{port}",
        "--log-level",
        "warning",
        "--timeout",
        "120",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=os.environ.copy())
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited with {server.returncode} before answering.")
        try:
            if get(port, reverse("login"))[0] == 200:
                return server
        except OSError:
            pass
        time.sleep(0.2)
    stop(server)
    raise SystemExit("gunicorn did not answer within 60 s.")


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)  # gunicorn's graceful shutdown
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@dataclass
class Sample:
    kind: str
    path: str
    seconds: float
    status: int | None  # None: no answer (connection refused, reset, timeout)
    error: str = ""


def warm_up(port: int, users: list[Visitor]) -> list[Sample]:
    """Every page of every user once, one at a time: the workers load templates and translations, and a page
    that fails for a role shows up here with its path rather than as noise in the timed run."""
    samples = []
    for visitor in users:
        for kind, paths in visitor.pages.items():
            for path in paths[:2]:
                samples.append(request(port, visitor, kind, path))
    return samples


def request(port: int, visitor: Visitor, kind: str, path: str) -> Sample:
    started = time.perf_counter()
    try:
        status, _size = get(port, path, visitor.cookie)
        return Sample(kind, path, time.perf_counter() - started, status)
    except (OSError, http.client.HTTPException) as error:
        return Sample(kind, path, time.perf_counter() - started, None, f"{type(error).__name__}: {error}")


def hammer(port: int, users: list[Visitor], seconds: float) -> tuple[list[Sample], float, float]:
    """Every user in a thread, requesting pages back to back until the time is up. Returns the samples, the
    elapsed seconds and how many cores the generator itself kept busy on average (taken from gunicorn and
    PostgreSQL on the same machine)."""
    deadline = time.perf_counter() + seconds
    samples: list[Sample] = []
    lock = threading.Lock()

    def run(visitor: Visitor) -> None:
        mine = []
        while time.perf_counter() < deadline:
            kind, path = visitor.next_page()
            mine.append(request(port, visitor, kind, path))
        with lock:
            samples.extend(mine)

    threads = [threading.Thread(target=run, args=(visitor,), name=visitor.name) for visitor in users]
    started, cpu = time.perf_counter(), time.process_time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return samples, elapsed, (time.process_time() - cpu) / elapsed


def latency(samples: list[Sample]) -> dict:
    seconds = [s.seconds for s in samples]
    return {
        "requests": len(samples),
        "p50_ms": round(median(seconds) * 1000, 1),
        "p95_ms": round(percentile(seconds, 0.95) * 1000, 1),
        "p99_ms": round(percentile(seconds, 0.99) * 1000, 1),
        "max_ms": round(max(seconds) * 1000, 1),
    }


def is_error(sample: Sample) -> bool:
    return sample.status != 200


def main() -> None:
    centres = env_int("LOAD_CENTRES", 20)
    user_count = env_int("LOAD_USERS", 20)
    seconds = env_int("LOAD_SECONDS", 30)
    workers = env_int("LOAD_WORKERS", 2 * (os.cpu_count() or 1))
    warning = busy_warning()
    if warning:
        print(warning, flush=True)
    prepare_database(centres=centres, employees_per_centre=50)
    analysts = min(2, user_count)
    directors = (user_count - analysts) // 4
    users = visitors(make_users(hr_officers=user_count - analysts - directors, directors=directors, analysts=analysts))
    database = machine()
    connection.close()  # gunicorn's workers open their own; this process only sends HTTP from here on

    port = free_port()
    step(f"gunicorn config.wsgi: {workers} workers on {HOST}:{port}")
    server = start_gunicorn(workers, port)
    try:
        warm = warm_up(port, users)
        kinds = sorted({kind for visitor in users for kind in visitor.pages})
        step(f"{len(users)} users × ({', '.join(kinds)}) for {seconds} s, no think time")
        samples, elapsed, generator_cores = hammer(port, users, seconds)
    finally:
        stop(server)

    errors = [s for s in warm + samples if is_error(s)]
    by_kind = defaultdict(list)
    for sample in samples:
        by_kind[sample.kind].append(sample)
    summary = {
        "seconds": round(elapsed, 1),
        "users": len(users),
        "workers": workers,
        "requests_per_s": round(len(samples) / elapsed, 1),
        "generator_cores_busy": round(generator_cores, 2),
        **latency(samples),
        "errors": len(errors),
        "error_kinds": dict(Counter(f"{s.kind} {s.status or s.error}" for s in errors)),
        "error_examples": [f"{s.path} → {s.status or s.error}" for s in errors[:10]],
        "by_page": {kind: latency(group) for kind, group in sorted(by_kind.items())},
        "warm_up_requests": len(warm),
        "employees": centres * 50,
        "machine": database,
    }

    print()
    print(f"{'page':<12} {'requests':>9} {'p50 ms':>9} {'p95 ms':>9} {'p99 ms':>9} {'max ms':>9}")
    for kind, line in [*summary["by_page"].items(), ("all", latency(samples))]:
        print(
            f"{kind:<12} {line['requests']:>9} {line['p50_ms']:>9} {line['p95_ms']:>9} {line['p99_ms']:>9} "
            f"{line['max_ms']:>9}"
        )
    print(
        f"\n{summary['requests_per_s']} requests/s over {summary['seconds']} s with {len(users)} users and "
        f"{workers} gunicorn workers; errors: {len(errors)} (warm-up included); the load generator kept "
        f"{summary['generator_cores_busy']} of {os.cpu_count()} cores busy"
    )
    for example in summary["error_examples"]:
        print(f"  error: {example}")
    if warning:
        print(warning)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "load.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    print(f"Wrote {RESULTS / 'load.json'}.")
    if errors:
        raise SystemExit(f"{len(errors)} errors: the bar is zero.")


if __name__ == "__main__":
    main()
