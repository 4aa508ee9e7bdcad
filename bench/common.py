"""What `make bench` and `make load` share: the seeded database, the users, statistics and the machine's description.

Import only after :func:`bench.bootstrap` (Django must be set up).
"""

import datetime
import io
import os
import platform
import statistics
import time
from dataclasses import dataclass

import django
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import Group, User
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command
from django.db import connection
from django.urls import NoReverseMatch, reverse

from accounts.roles import CENTRE_DIRECTOR, COMMITTEE_ANALYST, HR_OFFICER
from staffing.models import Centre

# force_login and hand-made sessions must name a backend that can load the user back: axes' backend (first in
# AUTHENTICATION_BACKENDS) only guards authenticate() and does not implement get_user().
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def step(message: str) -> None:
    print(f"-- {message}", flush=True)


def prepare_database(*, centres: int, employees_per_centre: int) -> dict[str, float]:
    """migrate, collectstatic, load_catalogue, seed_demo; returns how long each took (seconds)."""
    took = {}
    quiet = {"stdout": io.StringIO(), "verbosity": 0}
    for name, args, options in (
        ("migrate", [], {"interactive": False}),
        # DEBUG=false: whitenoise's manifest storage cannot render {% static %} without the manifest.
        ("collectstatic", [], {"interactive": False}),
        ("load_catalogue", [], {}),
        ("seed_demo", ["--centres", str(centres), "--employees-per-centre", str(employees_per_centre)], {}),
    ):
        step(f"{name} {' '.join(args)}".strip())
        started = time.perf_counter()
        call_command(name, *args, **quiet, **options)
        took[name] = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh bulk inserts: give the planner real statistics, as autovacuum would
    return took


@dataclass(frozen=True)
class BenchUser:
    user: User
    role: str
    centre: Centre | None  # the centre an HR officer or director is linked to; None for analysts


def make_users(*, hr_officers: int, directors: int, analysts: int) -> list[BenchUser]:
    """Users of each role; HR officers and directors are linked to the first centres, one centre each, in turn."""
    centres = list(Centre.objects.order_by("code")[: max(hr_officers, directors, 1)])
    made = []
    for role, count, prefix in (
        (HR_OFFICER, hr_officers, "bench-hr"),
        (CENTRE_DIRECTOR, directors, "bench-director"),
        (COMMITTEE_ANALYST, analysts, "bench-analyst"),
    ):
        group = Group.objects.get(name=role)
        for number in range(1, count + 1):
            user, _created = User.objects.get_or_create(username=f"{prefix}-{number:02d}")
            user.set_unusable_password()  # sessions are made directly; nobody signs in with a password
            user.save()
            user.groups.add(group)
            centre = None
            if role != COMMITTEE_ANALYST:
                centre = centres[(number - 1) % len(centres)]
                centre.users.add(user)
            made.append(BenchUser(user, role, centre))
    return made


def session_cookie(user: User) -> str:
    """A signed-in session as django.contrib.auth.login would store it: the cookie value for the session key."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = MODEL_BACKEND
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def optional_reverse(name: str, *args) -> str | None:
    """The page's path, or None while the project has no such page (pages arrive while the benchmarks stay)."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def percentile(samples: list[float], share: float) -> float:
    """The `share` quantile (0.95 = p95) by linear interpolation between the closest ranks."""
    ordered = sorted(samples)
    if len(ordered) == 1:
        return ordered[0]
    position = share * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def machine() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        postgresql = cursor.fetchone()[0]
    return {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "postgresql": postgresql,
        "django": django.get_version(),
        "platform": platform.platform(),
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "load_average_1m": round(os.getloadavg()[0], 2),
    }


def busy_warning() -> str:
    """Other work on the machine skews every figure (p95 first): say so next to the numbers."""
    load = os.getloadavg()[0]
    if load < 0.5:
        return ""
    return (
        f"WARNING: the machine's load average is {load:.2f} before the benchmark starts (other processes are "
        "running); latencies, p95 above all, will read high."
    )
