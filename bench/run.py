"""make bench: the product's numbers at national scale, each beside its floor or its target.

Run through scripts/with-postgres.sh (a throwaway PostgreSQL 15): `python -m bench.run`. Environment:
SCALE (1: 200 centres × 50 = 10,000 employees; 10: 100,000), BENCH_RUNS (runs per eligibility/floor figure,
default 5), BENCH_REQUESTS (requests per page, default 50), BENCH_WORKBOOK_RUNS (imports/exports, default 3),
BENCH_PROFILE (1: profile every figure that misses its target, the default; 0: do not).

Prints a table and writes bench/results/latest.json (and scale-<SCALE>.json): one key per figure plus `machine`.
Every figure is a median of several runs after one warm-up run, so that caches (templates, translations,
connection) are warm as in a long-running server.
"""

# ruff: noqa: E402  (Django must be set up by bootstrap() before the project's modules are imported)

from bench import bootstrap

bootstrap()

import cProfile
import io
import json
import os
import pstats
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import openpyxl
import psycopg
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.roles import CENTRE_DIRECTOR, COMMITTEE_ANALYST, HR_OFFICER
from attestation import selectors
from attestation.rules import evaluate
from attestation.selectors import eligibility
from bench import pure
from bench.common import (
    MODEL_BACKEND,
    busy_warning,
    machine,
    make_users,
    median,
    optional_reverse,
    percentile,
    prepare_database,
    step,
)
from config.dates import today
from positions.models import EducationField, Item, Position, Requirement
from staffing.identifiers import make_iin
from staffing.models import Centre, Education, Employee, Region, WorkPeriod
from staffing.workbook import COLUMNS, EDUCATION, EMPLOYEES, WORK_HISTORY, workbook_read
from staffing.workbook.previews import preview_create

RESULTS = Path(__file__).resolve().parent / "results"
EMPLOYEES_PER_CENTRE = 50
WORKBOOK_EMPLOYEES = 10_000
PROFILE_DIR = Path(tempfile.gettempdir()) / "otbasy-bench-profiles"


def machine_load() -> float:
    return round(os.getloadavg()[0], 2)


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


@dataclass
class Figure:
    key: str  # the key in latest.json
    label: str
    value: float | None  # None: not measured (e.g. the page does not exist yet)
    unit: str  # s, ms, queries, x, rows
    target: str = ""
    ok: bool | None = None  # None: no target

    def shown(self) -> str:
        if self.value is None:
            return "n/a"
        if self.unit == "ms":
            return f"{self.value:.1f} ms"
        if self.unit == "s":
            return f"{self.value:.3f} s"
        if self.unit == "x":
            return f"{self.value:.2f}×"
        return f"{self.value:g} {self.unit}"


def aim(figure: Figure, target: str, passed: Callable[[float], bool]) -> Figure:
    figure.target = target
    figure.ok = None if figure.value is None else passed(figure.value)
    return figure


def timings(action: Callable[[], object], runs: int, *, warmup: int = 1) -> list[float]:
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return samples


def captured_sql(action: Callable[[], object]) -> list[str]:
    """The SQL of every query `action` runs (the session, the user and the roles of a request included)."""
    with CaptureQueriesContext(connection) as queries:
        action()
    return [query["sql"] for query in queries.captured_queries]


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user, backend=MODEL_BACKEND)
    return client


def fetch(client: Client, path: str) -> None:
    """One page; anything but 200 stops the benchmark (a redirect to the login page would measure nothing)."""
    response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"GET {path} answered {response.status_code}: the benchmark measures nothing useful.")


# ---------------------------------------------------------------------------------------------- 0: plain Python


def pure_figures(runs: int) -> list[Figure]:
    step(f"plain-Python cores on {pure.PEOPLE} synthetic people: {runs} runs each")
    people = pure.experience_people()
    requirements = selectors.requirement_set_on(pure.ON)
    employees = pure.engine_employees(requirements)
    experience_s = median(timings(lambda: pure.experience_run(people), runs))
    engine_s = median(timings(lambda: pure.engine_run(employees, requirements), runs))
    return [
        aim(
            Figure(
                "pure_experience_10k_s", f"0a experience + date reached, {pure.PEOPLE} × 6 periods", experience_s, "s"
            ),
            "< 5 s",
            lambda v: v < 5,
        ),
        aim(
            Figure("pure_engine_10k_s", f"0b engine alone, {pure.PEOPLE} synthetic × 6 periods", engine_s, "s"),
            "< 10 s",
            lambda v: v < 10,
        ),
    ]


# ------------------------------------------------------------------------------------------------ 1-2: eligibility


def floor_queries(day) -> list[tuple[str, tuple]]:
    """The rows the selector reads (employees with centre and position, education, periods with position, the
    requirements in force with position and item, the field tree), one plain query each, all their columns."""
    employee, centre, position = Employee._meta.db_table, Centre._meta.db_table, Position._meta.db_table
    education, period = Education._meta.db_table, WorkPeriod._meta.db_table
    requirement, item, field = Requirement._meta.db_table, Item._meta.db_table, EducationField._meta.db_table
    # Employed on the day (docs/records.md): hired by then and not dismissed before it.
    employed = f"hire_date <= '{day.isoformat()}' AND (dismissal_date IS NULL OR dismissal_date >= '{day.isoformat()}')"
    active = f"SELECT id FROM {employee} WHERE {employed}"
    return [
        (
            f"SELECT e.*, c.*, p.* FROM {employee} e JOIN {centre} c ON c.id = e.centre_id "
            f"LEFT JOIN {position} p ON p.id = e.position_id WHERE e.{employed.replace('(dismissal', '(e.dismissal')} "
            "ORDER BY c.code, e.name_key, e.id",
            (),
        ),
        (
            f"SELECT id, employee_id, level, field_id, graduation_date FROM {education} WHERE employee_id IN ({active})",
            (),
        ),
        (
            f"SELECT w.*, p.* FROM {period} w LEFT JOIN {position} p ON p.id = w.position_id "
            f"WHERE w.employee_id IN ({active}) ORDER BY w.start_date",
            (),
        ),
        (
            f"SELECT r.*, p.*, i.* FROM {requirement} r JOIN {position} p ON p.id = r.position_id "
            f"JOIN {item} i ON i.id = r.item_id WHERE (r.valid_from IS NULL OR r.valid_from <= %s) "
            "AND (r.valid_to IS NULL OR r.valid_to > %s)",
            (day, day),
        ),
        (f"SELECT * FROM {field}", ()),
    ]


def eligibility_figures(day, analyst, runs: int, profilers: dict) -> list[Figure]:
    active = Employee.objects.employed_on(day).count()
    step(f"eligibility of {active} active employees on {day:%d.%m.%Y}: {runs} runs each")

    # (1a) The engine alone, over exactly the facts the selector feeds it: recorded from one selector run by
    # wrapping the selector's `evaluate`, so this keeps working whatever way the selector builds them.
    with mock.patch.object(selectors, "evaluate", wraps=evaluate) as recorder:
        eligibility(Employee.objects.all(), day)
    calls = [call.args for call in recorder.call_args_list]
    if len(calls) != active:
        raise SystemExit(f"The selector evaluated {len(calls)} employees, expected the {active} active ones.")
    engine = timings(lambda: [evaluate(*args) for args in calls], runs)

    # (1b) What every eligibility page, export and the command pay: the selector's queries, facts and verdicts.
    def selector():
        return eligibility(Employee.objects.all(), day)

    selector_times = timings(selector, runs)
    selector_queries = len(captured_sql(selector))

    # (1c) The national report as an analyst opens it (no filter: every centre, first page of 100 rows).
    client = signed_in(analyst)
    url = reverse("attestation:eligibility")
    page_times = timings(lambda: fetch(client, url), runs)
    page_queries = len(captured_sql(lambda: fetch(client, url)))
    profilers["eligibility_page"] = lambda: fetch(client, url)

    # (1d) The analysts' area report (every centre's totals) rests on the same selector; shown when it exists.
    area_url = optional_reverse("attestation:area")
    area_times = timings(lambda: fetch(client, area_url), runs) if area_url else None
    area_queries = len(captured_sql(lambda: fetch(client, area_url))) if area_url else None

    # (2) The floor: the same rows through psycopg, nothing done with them.
    queries = floor_queries(day)
    with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as raw:

        def floor():
            with raw.cursor() as cursor:
                for sql, params in queries:
                    cursor.execute(sql, params)
                    cursor.fetchall()

        floor_times = timings(floor, runs)
        floor_rows = []
        with raw.cursor() as cursor:
            for sql, params in queries:
                cursor.execute(sql, params)
                floor_rows.append(len(cursor.fetchall()))

    floor_s, selector_s, page_s = median(floor_times), median(selector_times), median(page_times)
    return [
        Figure("eligibility_engine_s", "1a eligibility: engine alone (facts pre-built)", median(engine), "s"),
        Figure("eligibility_selector_s", "1b eligibility: selector + engine", selector_s, "s"),
        Figure("eligibility_selector_queries", "1b eligibility: selector queries", selector_queries, "queries"),
        aim(Figure("eligibility_page_s", "1c national report page (analyst)", page_s, "s"), "< 1 s", lambda v: v < 1),
        Figure("eligibility_page_queries", "1c national report page: queries", page_queries, "queries"),
        Figure("area_report_s", "1d area report page, national (analyst)", area_times and median(area_times), "s"),
        Figure("area_report_queries", "1d area report page: queries", area_queries, "queries"),
        Figure("eligibility_floor_s", f"2 floor: {len(queries)} plain psycopg queries", floor_s, "s"),
        Figure(
            "eligibility_floor_rows",
            "2 floor: rows fetched (" + "+".join(map(str, floor_rows)) + ")",
            sum(floor_rows),
            "rows",
        ),
        Figure("ratio_selector_to_floor", "2 ratio 1b / floor", selector_s / floor_s, "x"),
        aim(Figure("ratio_page_to_floor", "2 ratio 1c / floor", page_s / floor_s, "x"), "≤ 3×", lambda v: v <= 3),
    ]


# -------------------------------------------------------------------------------------------------------- 3: pages


# Queries of one request per page: 10, except where the page reads more tables than that (bench/README.md says why).
QUERY_TARGETS = {"card": 15, "dashboard": 14}


def page_figures(users: dict, requests: int, profilers: dict, sql: dict) -> list[Figure]:
    hr, director, analyst = users[HR_OFFICER], users[CENTRE_DIRECTOR], users[COMMITTEE_ANALYST]
    # The card with the longest history in the HR officer's centre: the heaviest card a user opens there.
    card = (
        Employee.objects.filter(centre=hr.centre, dismissal_date__isnull=True)
        .annotate(period_count=Count("periods"))
        .order_by("-period_count", "pk")
        .first()
    )
    pages = [
        # (key, label, user, path, has targets)
        ("home", "floor: start page / (HR officer)", hr, reverse("home"), False),
        ("positions", "floor: /positions/ (HR officer)", hr, reverse("positions:list"), False),
        ("list", f"3 /staff/ list (HR officer, {hr.centre.code})", hr, reverse("staffing:employee_list"), True),
        ("list_national", "3 /staff/ list (analyst, all centres)", analyst, reverse("staffing:employee_list"), True),
        (
            "card",
            f"3 employee card ({card.periods.count()} periods)",
            hr,
            reverse("staffing:employee", args=[card.pk]),
            True,
        ),
        (
            "dashboard",
            f"3 director's dashboard ({director.centre.code})",
            director,
            optional_reverse("attestation:dashboard", director.centre.code),
            True,
        ),
    ]
    step(f"pages: {requests} requests each after 3 warm-up requests")
    figures = []
    for key, label, user, path, targeted in pages:
        if path is None:
            samples, queries = None, None
        else:
            client = signed_in(user.user)
            samples = timings(lambda client=client, path=path: fetch(client, path), requests, warmup=3)
            sql[key] = captured_sql(lambda client=client, path=path: fetch(client, path))
            queries = len(sql[key])
            profilers[key] = lambda client=client, path=path: [fetch(client, path) for _ in range(20)]
        latency = [
            Figure(f"{key}_median_ms", f"{label}: median", samples and median(samples) * 1000, "ms"),
            Figure(f"{key}_p95_ms", f"{label}: p95", samples and percentile(samples, 0.95) * 1000, "ms"),
            Figure(f"{key}_queries", f"{label}: queries", queries, "queries"),
        ]
        if targeted:
            most = QUERY_TARGETS.get(key, 10)
            aim(latency[1], "< 50 ms", lambda v: v < 50)
            aim(latency[2], f"≤ {most}", lambda v, most=most: v <= most)
        figures += latency
    # The floor of a trivial signed-in view: the lighter of the two, so page costs read as "floor + own work".
    floors = [f for f in figures if f.key in ("home_median_ms", "positions_median_ms")]
    lightest = min(floors, key=lambda f: f.value)
    figures.append(
        Figure("page_floor_median_ms", f"3 floor = lighter view ({lightest.key.split('_')[0]})", lightest.value, "ms")
    )
    return figures


# ------------------------------------------------------------------------------------------------- 4: workbooks


def _fresh_iins(employees: list[Employee], taken: set[str]) -> dict[int, str]:
    """A new valid IIN for each employee (same birth date and sex), none already in the database or handed out:
    the import refuses an IIN that someone at work already has (docs/records.md)."""
    result, serials = {}, {}
    for employee in employees:
        key = (employee.birth_date, employee.sex)
        serial = serials.get(key, 5000)
        while True:
            serial = serial + 1 if serial < 9999 else 1
            iin = make_iin(employee.birth_date, employee.sex, serial)
            if iin and iin not in taken:
                break
        serials[key] = serial
        taken.add(iin)
        result[employee.pk] = iin
    return result


def build_workbook(path: Path, count: int, taken: set[str]) -> int:
    """One workbook of `count` demo employees from all centres, renumbered 00001… so they fit in one centre, with
    IINs nobody has yet (`taken`: the IINs in use, updated).

    Written directly with openpyxl in the import format (staffing.workbook.COLUMNS): exporting 200 centres and
    merging their workbooks would only add the export's cost to the setup."""
    employees = list(Employee.objects.select_related("unit").order_by("pk")[:count])
    numbers = {employee.pk: f"{index:05d}" for index, employee in enumerate(employees, start=1)}
    iins = _fresh_iins(employees, taken)
    workbook = openpyxl.Workbook(write_only=True)
    sheets = {name: workbook.create_sheet(name) for name in (EMPLOYEES, EDUCATION, WORK_HISTORY)}
    for name, sheet in sheets.items():
        sheet.append(list(COLUMNS[name]))
    for e in employees:
        sheets[EMPLOYEES].append(
            [
                numbers[e.pk],
                iins[e.pk],
                e.last_name,
                e.first_name,
                e.middle_name,
                e.birth_date,
                e.sex,
                e.unit.name if e.unit_id else None,
                e.hire_date,
                e.dismissal_date,
            ]
        )
    ids = list(numbers)
    for row in Education.objects.filter(employee_id__in=ids).select_related("field").order_by("employee_id", "pk"):
        sheets[EDUCATION].append(
            [
                numbers[row.employee_id],
                row.level,
                row.field.code if row.field_id else None,
                row.institution,
                row.specialty,
                row.document_number,
                row.graduation_date,
            ]
        )
    periods = WorkPeriod.objects.filter(employee_id__in=ids).select_related("position")
    for row in periods.order_by("employee_id", "start_date"):
        sheets[WORK_HISTORY].append(
            [
                numbers[row.employee_id],
                row.organisation,
                row.sector,
                row.position.code if row.position_id else row.position_text,
                row.qualification_level,
                row.category,
                "yes" if row.managerial else "no",
                "yes" if row.profile_experience else "no",
                row.start_date,
                row.end_date,
            ]
        )
    workbook.save(path)
    return len(employees)


def new_centre(code: str) -> str:
    region = Region.objects.order_by("order").first()
    call_command("add_centre", code, "--name", f"Бенчмарк {code}", "--region", region.code, stdout=io.StringIO())
    return code


def workbook_figures(runs: int, folder: Path, profilers: dict, user) -> list[Figure]:
    # Each run its own workbook with its own IINs: the previous run's employees are at work and keep theirs.
    taken = set(Employee.objects.values_list("iin", flat=True))
    sources = [folder / f"staff-{number}.xlsx" for number in range(1, runs + 1)]
    count = build_workbook(sources[0], WORKBOOK_EMPLOYEES, taken)
    size = sources[0].stat().st_size / 1e6
    step(f"preview, import_staff and export_staff of {count} employees ({size:.1f} MB): {runs} runs each")
    previews, imports, centres = [], [], []
    for number, source in enumerate(sources, start=1):  # each import into a new empty centre: every row created
        if number > 1:
            build_workbook(source, WORKBOOK_EMPLOYEES, taken)
        code = new_centre(f"bench-import-{number}")
        centre = Centre.objects.get(code=code)
        started = time.perf_counter()  # what the upload page does: read, validate, compare, store the preview
        preview_create(plan=workbook_read(source, centre=centre, user=user), user=user)
        previews.append(time.perf_counter() - started)
        started = time.perf_counter()
        call_command("import_staff", str(source), "--centre", code, stdout=io.StringIO())
        imports.append(time.perf_counter() - started)
        centres.append(code)
    imported = Employee.objects.filter(centre__code=centres[0]).count()
    if imported != count:
        raise SystemExit(f"import_staff created {imported} employees, expected {count}.")
    target = folder / "export.xlsx"

    def export():
        call_command("export_staff", str(target), "--centre", centres[0], stdout=io.StringIO())

    exports = timings(export, runs, warmup=0)

    profile_source = folder / "staff-profile.xlsx"
    build_workbook(profile_source, WORKBOOK_EMPLOYEES, taken)

    def profiled_import():
        code = new_centre(f"bench-import-profile-{time.monotonic_ns()}")
        call_command("import_staff", str(profile_source), "--centre", code, stdout=io.StringIO())

    profilers["import"] = profiled_import
    return [
        aim(
            Figure("preview_10k_s", f"4 import preview (upload page) of {count} employees", median(previews), "s"),
            "< 15 s",
            lambda v: v < 15,
        ),
        aim(
            Figure("import_10k_s", f"4 import_staff of {count} employees", median(imports), "s"),
            "< 30 s",
            lambda v: v < 30,
        ),
        Figure("export_10k_s", f"4 export_staff of {count} employees", median(exports), "s"),
    ]


# ---------------------------------------------------------------------------------------------- report, profiles


def print_table(figures: list[Figure]) -> None:
    width = max(len(f.label) for f in figures)
    print()
    print(f"{'figure':<{width}}  {'value':>14}  {'target':<8}  ok?")
    print("-" * (width + 32))
    for f in figures:
        ok = "" if f.ok is None else ("yes" if f.ok else "NO")
        print(f"{f.label:<{width}}  {f.shown():>14}  {f.target:<8}  {ok}")
    print()


# Which profiler explains a missed figure: the first name the figure's key starts with.
PROFILE_FOR = {
    "eligibility_page": "eligibility_page",
    "ratio_page": "eligibility_page",
    "list_national": "list_national",
    "list": "list",
    "card": "card",
    "dashboard": "dashboard",
    "import": "import",
}
# In a profile, three views: the project's own frames, the ORM/template/forms/translation frames (cumulative),
# and every frame by its own time (where the interpreter actually spends it).
PROFILE_VIEWS = (
    ("project frames, cumulative", "cumulative", r"/(accounts|attestation|config|positions|staffing)/", 16),
    (
        "Django ORM/templates/forms/i18n, cumulative",
        "cumulative",
        r"/django/(db|template|forms|utils/translation)/",
        14,
    ),
    ("all frames, own time", "tottime", None, 14),
)


def profile_misses(figures: list[Figure], profilers: dict, sql: dict) -> list[str]:
    """For each missed figure: its queries when the query count is missed; a cProfile of its action when its time
    is missed. Raw stats go to PROFILE_DIR (python -m pstats FILE, or snakeviz)."""
    texts, done = [], set()
    for figure in figures:
        if figure.ok is not False:
            continue
        name = next((p for prefix, p in PROFILE_FOR.items() if figure.key.startswith(prefix)), None)
        if figure.key.endswith("_queries") and name in sql:
            lines = [f"==== {figure.key}: {len(sql[name])} queries of one request ===="]
            lines += [f"{i:>3}. {' '.join(q.split())[:150]}" for i, q in enumerate(sql[name], start=1)]
            texts.append("\n".join(lines))
            continue
        if name is None or name in done or name not in profilers:
            continue
        done.add(name)
        profiler = cProfile.Profile()
        profiler.enable()
        profilers[name]()
        profiler.disable()
        PROFILE_DIR.mkdir(parents=True, exist_ok=True)
        profiler.dump_stats(PROFILE_DIR / f"{name}.prof")
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        out.write(f"==== profile of {name} ({figure.key} missed; times are inflated by the profiler) ====\n")
        for title, order, restriction, count in PROFILE_VIEWS:
            out.write(f"---- {title}\n")
            stats.sort_stats(order).print_stats(*([restriction] if restriction else []), count)
        texts.append(trim_profile(out.getvalue()) + f"\n(raw: {PROFILE_DIR / name}.prof)")
    return texts


def trim_profile(text: str) -> str:
    """pstats' report without its preamble and blank lines, paths shortened to the project or site-packages."""
    root = str(Path(__file__).resolve().parent.parent) + "/"
    lines = []
    for line in text.splitlines():
        if not line.strip() or line.strip().startswith(("Ordered by", "List reduced", "ncalls")):
            continue
        if "function calls" in line and "seconds" in line:
            lines.append("  " + line.strip())
            continue
        lines.append(line.replace(root + ".venv/lib/python3.11/site-packages/", "").replace(root, ""))
    return "\n".join(lines)


def main() -> None:
    scale = env_int("SCALE", 1)
    runs = env_int("BENCH_RUNS", 5)
    requests = env_int("BENCH_REQUESTS", 50)
    workbook_runs = env_int("BENCH_WORKBOOK_RUNS", 3)
    profile = bool(env_int("BENCH_PROFILE", 1))
    started = time.perf_counter()
    warning = busy_warning()
    load_at_start = machine_load()
    if warning:
        print(warning, flush=True)
    setup = prepare_database(centres=200 * scale, employees_per_centre=EMPLOYEES_PER_CENTRE)
    users = {u.role: u for u in make_users(hr_officers=1, directors=1, analysts=1)}
    day = today()
    profilers: dict[str, Callable[[], object]] = {}
    sql: dict[str, list[str]] = {}

    figures = [
        Figure("employees", "employees seeded (active and dismissed)", Employee.objects.count(), "rows"),
        Figure("seed_s", "seed_demo", setup["seed_demo"], "s"),
    ]
    figures += pure_figures(runs)
    figures += eligibility_figures(day, users[COMMITTEE_ANALYST].user, runs, profilers)
    figures += page_figures(users, requests, profilers, sql)
    # Profiled now, before the imports below add their employees to the national figures.
    reports = profile_misses(figures, profilers, sql) if profile else []
    with tempfile.TemporaryDirectory(prefix="otbasy-bench-xlsx-") as folder:
        workbooks = workbook_figures(workbook_runs, Path(folder), profilers, users[HR_OFFICER].user)
        reports += profile_misses(workbooks, profilers, sql) if profile else []
    figures += workbooks

    print_table(figures)
    for text in reports:
        print(text, end="\n\n")
    missed = [f.key for f in figures if f.ok is False]
    result = {f.key: (round(f.value, 6) if isinstance(f.value, float) else f.value) for f in figures}
    result.update(
        scale=scale,
        runs=runs,
        requests_per_page=requests,
        workbook_runs=workbook_runs,
        settings={
            "DJANGO_SETTINGS_MODULE": os.environ["DJANGO_SETTINGS_MODULE"],
            "DEBUG": os.environ.get("DEBUG"),
            "client": "django.test.Client (in-process, force_login)",
        },
        missed=missed,
        machine={**machine(), "load_average_1m_at_start": load_at_start},
        total_s=round(time.perf_counter() - started, 1),
    )
    RESULTS.mkdir(exist_ok=True)
    text = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    (RESULTS / "latest.json").write_text(text)
    (RESULTS / f"scale-{scale}.json").write_text(text)
    if warning:
        print(warning)
    print(f"Missed targets: {', '.join(missed) or 'none'}.")
    print(f"Wrote {RESULTS / 'latest.json'} and scale-{scale}.json in {result['total_s']} s.")


if __name__ == "__main__":
    main()
