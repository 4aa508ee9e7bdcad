"""Directors' dashboard and the analysts' area report, each in a fixed number of queries whatever the staff size.

Verdicts come from attestation.selectors.eligibility (7 queries), so the numbers here are the numbers of the
`eligibility` command on the same day. Everything else is one query per block, counted in Python:

centre_dashboard (10 queries): catalogue lookups shared by the facts and the reasons (2: positions, education
fields), eligibility (4: requirements in force, employees, their education, their work periods; the centre is
known), candidates (1: of the centre's open sessions, its recent outcomes and its staff's last attestations),
sessions awaiting the director's approval (1), the attestation schedule from the eligibility rows and those
candidates (2: policies, child-care leaves; attestation.selectors.eligibility_schedule).
Staff by position × level × category is counted from the eligibility rows (active staff), not queried again.

area_report (13 queries): regions (1), centres in scope with their region (1), eligibility (7), candidates of open
sessions (1), sessions awaiting approval per centre (1), decision counts (1), overrides with their reasons (1).
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from attestation.models import ATTESTING_DECISIONS, DECIDED_STATES, OPEN_STATES, Candidate, Session
from attestation.reasons import catalogue_names, category_label, verdict_texts
from attestation.rules import Verdict
from attestation.selectors import EligibilityRow, catalogue_lookups, eligibility, eligibility_schedule
from positions.labels import CATEGORY_CHOICES, LEVEL_CHOICES, label
from positions.vocabulary import CATEGORY_CODES, LEVEL_CODES
from staffing.access import visible_centres, visible_employees
from staffing.models import Centre, Employee, Region

WINDOW_DAYS = 90  # "eligible in the next 90 days"
OUTCOME_DAYS = 365  # "recent outcomes": sessions dated within the last 365 days


def eligible_soon(verdict: Verdict, day: date) -> bool:
    """Not eligible on `day` but eligible by `day` + 90 days (the eligibility page's "within 90 days" minus "now")."""
    return (
        not verdict.eligible
        and verdict.eligible_from is not None
        and verdict.eligible_from <= day + timedelta(days=WINDOW_DAYS)
    )


@dataclass
class Totals:
    """Counts over active staff on a day; `not_candidates` are eligible now or within 90 days and not (yet) a
    candidate of an open session of their centre."""

    centres: int = 0
    staff: int = 0
    not_meeting: int = 0
    eligible_now: int = 0
    eligible_soon: int = 0
    not_candidates: int = 0
    awaiting_approval: int = 0

    @property
    def share_not_meeting(self) -> float | None:
        """Percent of active staff not meeting the requirements of their post, one decimal; None without staff."""
        return round(100 * self.not_meeting / self.staff, 1) if self.staff else None

    def count(self, row: EligibilityRow, day: date, candidate_ids: set[int]) -> None:
        verdict = row.verdict
        self.staff += 1
        self.not_meeting += not verdict.meets_requirements
        self.eligible_now += verdict.eligible
        soon = eligible_soon(verdict, day)
        self.eligible_soon += soon
        self.not_candidates += (verdict.eligible or soon) and row.person.employee_id not in candidate_ids

    def add(self, other: "Totals") -> None:
        for name in (
            "centres",
            "staff",
            "not_meeting",
            "eligible_now",
            "eligible_soon",
            "not_candidates",
            "awaiting_approval",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True)
class ReportRow:
    """An employee in one of the dashboard's lists, with the engine's verdict as sentences."""

    employee: Employee
    verdict: Verdict
    category_label: str
    next_label: str
    reasons: list[str]


@dataclass
class CentreDashboard:
    centre: Centre
    day: date
    window_end: date
    outcomes_since: date
    totals: Totals
    headcount: list[dict]
    chart: dict
    not_meeting: list[ReportRow]
    eligible_now: list[ReportRow]  # not yet candidates
    eligible_soon: list[ReportRow]  # not yet candidates
    awaiting_approval: list[Session]
    outcomes: list[dict]
    overrides: list[Candidate]
    # (employee, schedule) of those not yet candidates whose periodic attestation is due or whose category's term
    # ends by window_end, the earliest first
    attestation_due: list = field(default_factory=list)

    @property
    def outcome_total(self) -> int:
        return sum(line["count"] for line in self.outcomes)


@dataclass
class CentreLine:
    centre: Centre
    totals: Totals


@dataclass
class RegionLine:
    region: Region
    totals: Totals


@dataclass
class AreaReport:
    day: date
    window_end: date
    outcomes_since: date
    region: Region | None
    regions: list[Region]
    centres: list[CentreLine]
    by_region: list[RegionLine]
    national: Totals
    headcount: list[dict]
    chart: dict
    outcomes: list[dict]
    overrides: list[Candidate]

    @property
    def outcome_total(self) -> int:
        return sum(line["count"] for line in self.outcomes)


# Staff by position × level × category, and the chart of staff by position and category.


# The chart's and the table's name for a blank category: missing on a post with a ladder (items 15, 18, 21, 36),
# as it should be on a post without one (the order gives those no categories).
NOT_RECORDED, NO_LADDER = "unknown", "no_ladder"


def _category_name(code: str) -> str:
    if code == NO_LADDER:
        return _("no categories for this post")
    return label(CATEGORY_CHOICES, code) if code and code != NOT_RECORDED else _("not recorded")


def staff_table(rows: list[EligibilityRow]) -> list[dict]:
    """Active staff counted by position × level × category from eligibility rows (no query)."""
    counts = Counter()
    positions, ladders = {}, {}
    for row in rows:
        key = row.person.post
        counts[key] += 1
        positions[key[0]] = row.person.position
        ladders[key[0]] = row.post_has_ladder
    level_rank = {code: index for index, code in enumerate(LEVEL_CODES)}
    category_rank = {code: index for index, code in enumerate(CATEGORY_CODES)}

    def order(key):
        position = positions[key[0]]
        return (
            position is None,
            position.paragraph if position else 0,
            level_rank.get(key[1], len(level_rank)),
            category_rank.get(key[2], len(category_rank)),
        )

    table = []
    for key in sorted(counts, key=order):
        position = positions[key[0]]
        table.append(
            {
                "position_code": position.code if position else "",
                "position": position.title if position else "—",
                "qualification_level": key[1],
                "level": label(LEVEL_CHOICES, key[1]) if key[1] else "—",
                "category": key[2],
                "category_label": category_label(key[2])
                if key[2]
                else _category_name(NOT_RECORDED if ladders[key[0]] else NO_LADDER),
                "chart_category": key[2] or (NOT_RECORDED if ladders[key[0]] else NO_LADDER),
                "count": counts[key],
            }
        )
    return table


def staff_chart(table: list[dict]) -> dict:
    """Bar chart data (Chart.js): one bar group per position, one dataset per category, levels added up."""
    positions = []
    for line in table:
        if line["position"] not in positions:
            positions.append(line["position"])
    codes = [*CATEGORY_CODES, NO_LADDER, NOT_RECORDED]
    present = [code for code in codes if any(line["chart_category"] == code for line in table)]
    datasets = []
    for code in present:
        data = [0] * len(positions)
        for line in table:
            if line["chart_category"] == code:
                data[positions.index(line["position"])] += line["count"]
        datasets.append({"code": code, "label": _category_name(code), "data": data})
    return {"labels": positions, "datasets": datasets}


# The dashboard of one centre.


def _open_candidate_ids(centres) -> set[int]:
    return set(
        Candidate.objects.filter(
            session__centre__in=centres, session__state__in=OPEN_STATES, removed=False
        ).values_list("employee_id", flat=True)
    )


def _recent_candidates(centres, day: date):
    return Candidate.objects.filter(
        session__centre__in=centres,
        session__state__in=DECIDED_STATES,
        session__date__gt=day - timedelta(days=OUTCOME_DAYS),
        session__date__lte=day,
        removed=False,
    )


def _outcome_lines(counts: Counter) -> list[dict]:
    lines = [
        {"decision": code, "label": str(text), "count": counts.get(code, 0)}
        for code, text in Candidate.Decision.choices
    ]
    if counts.get(""):
        lines.append({"decision": "", "label": _("no decision recorded"), "count": counts[""]})
    return lines


def _dashboard_candidates(centre: Centre, employee_ids: list[int], day: date) -> list[Candidate]:
    """In one query, with their session, employee and position, newest session first: the candidates (not removed)
    of the centre's open sessions, of its sessions decided within OUTCOME_DAYS up to `day`, and every approved
    attestation of the employees by `day` (their last attestation, for the schedule)."""
    return list(
        Candidate.objects.filter(
            Q(session__centre=centre, session__state__in=OPEN_STATES)
            | Q(
                session__centre=centre,
                session__state__in=DECIDED_STATES,
                session__date__gt=day - timedelta(days=OUTCOME_DAYS),
                session__date__lte=day,
            )
            | Q(
                employee_id__in=employee_ids,
                session__state__in=DECIDED_STATES,
                session__date__lte=day,
                decision__in=ATTESTING_DECISIONS,
            ),
            removed=False,
        )
        .select_related("employee", "session", "position")
        .order_by("-session__date", "employee__name_key", "pk")
    )


def centre_dashboard(centre: Centre, day: date) -> CentreDashboard:
    """What the director of `centre` reads on `day` (10 queries, see the module's docstring)."""
    catalogue = catalogue_lookups()
    rows = eligibility(
        Employee.objects.filter(centre=centre).order_by("name_key", "personnel_number"),
        day,
        catalogue=catalogue,
        centres={centre.pk: centre},
    )
    titles, fields = catalogue_names(catalogue)
    candidacies = _dashboard_candidates(centre, [row.employee.pk for row in rows], day)
    candidate_ids = {
        candidate.employee_id
        for candidate in candidacies
        if candidate.session.centre_id == centre.pk and candidate.session.state in OPEN_STATES
    }

    def report_row(row: EligibilityRow) -> ReportRow:
        return ReportRow(
            employee=row.employee,
            verdict=row.verdict,
            category_label=category_label(row.employee.category) if row.employee.category else "—",
            next_label=category_label(row.verdict.next_category) if row.verdict.next_category else "",
            reasons=verdict_texts(row.verdict, on=day, position_titles=titles, field_names=fields),
        )

    totals = Totals(centres=1)
    for row in rows:
        totals.count(row, day, candidate_ids)
    awaiting = list(
        Session.objects.filter(centre=centre, state=Session.State.COMMISSION_HELD)
        .annotate(candidate_count=Count("candidates", filter=Q(candidates__removed=False)))
        .order_by("date", "pk")
    )
    totals.awaiting_approval = len(awaiting)
    recent = [
        candidate
        for candidate in candidacies
        if candidate.session.centre_id == centre.pk
        and candidate.session.state in DECIDED_STATES
        and day - timedelta(days=OUTCOME_DAYS) < candidate.session.date <= day
    ]
    table = staff_table(rows)
    window_end = day + timedelta(days=WINDOW_DAYS)
    plans = eligibility_schedule(rows, day, candidacies=candidacies)
    # The rows come in the Kazakh alphabetical order (name_key): a stable sort by date keeps it within a date.
    due = []
    for row in rows:
        plan = plans[row.employee.pk]
        if row.employee.pk not in candidate_ids and plan.due_on(window_end):
            first = min(d for d in (plan.periodic_attestation_due, plan.category_valid_until) if d is not None)
            due.append((first, row.employee, plan))
    due.sort(key=lambda item: item[0])
    return CentreDashboard(
        attestation_due=[(employee, plan) for _first, employee, plan in due],
        centre=centre,
        day=day,
        window_end=window_end,
        outcomes_since=day - timedelta(days=OUTCOME_DAYS - 1),
        totals=totals,
        headcount=table,
        chart=staff_chart(table),
        not_meeting=[report_row(row) for row in rows if not row.verdict.meets_requirements],
        eligible_now=[report_row(row) for row in rows if row.verdict.eligible and row.employee.pk not in candidate_ids],
        eligible_soon=sorted(
            (
                report_row(row)
                for row in rows
                if eligible_soon(row.verdict, day) and row.employee.pk not in candidate_ids
            ),
            key=lambda item: item.verdict.eligible_from,
        ),
        awaiting_approval=awaiting,
        outcomes=_outcome_lines(Counter(candidate.decision for candidate in recent)),
        overrides=[candidate for candidate in recent if candidate.override_reason.strip()],
    )


# The area report: every centre the user sees (analysts: the nation), optionally one region.


def area_report(user, day: date, region_code: str | None = None) -> AreaReport:
    """Totals per centre, per region and for the whole scope on `day` (11 queries, see the module's docstring).

    Raises Region.DoesNotExist for an unknown region code."""
    regions = list(Region.objects.all())
    region = None
    if region_code:
        region = next((item for item in regions if item.code == region_code), None)
        if region is None:
            raise Region.DoesNotExist(region_code)
    centres = visible_centres(user)
    employees = visible_employees(user)
    if region is not None:
        centres = centres.filter(region=region)
        employees = employees.filter(centre__region=region)
    centres = list(centres.select_related("region").order_by("region__order", "code"))
    centre_ids = [centre.pk for centre in centres]

    rows = eligibility(employees.order_by("centre__code", "name_key", "pk"), day)
    candidate_ids = _open_candidate_ids(centre_ids)
    per_centre = {pk: Totals(centres=1) for pk in centre_ids}
    for row in rows:
        per_centre.setdefault(row.person.centre_id, Totals(centres=1)).count(row, day, candidate_ids)
    awaiting = (
        Session.objects.filter(centre__in=centre_ids, state=Session.State.COMMISSION_HELD)
        .values("centre_id")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for line in awaiting:
        per_centre[line["centre_id"]].awaiting_approval = line["count"]

    recent = _recent_candidates(centre_ids, day)
    decisions = Counter(
        {line["decision"]: line["count"] for line in recent.values("decision").annotate(count=Count("pk")).order_by()}
    )
    overrides = list(
        recent.exclude(override_reason="")
        .select_related("employee", "session__centre", "position")
        .order_by("session__centre__code", "-session__date", "employee__name_key", "pk")
    )

    lines = [CentreLine(centre, per_centre[centre.pk]) for centre in centres]
    by_region, national = {}, Totals()
    for line in lines:
        region_totals = by_region.setdefault(line.centre.region_id, RegionLine(line.centre.region, Totals()))
        region_totals.totals.add(line.totals)
        national.add(line.totals)
    table = staff_table(rows)
    return AreaReport(
        day=day,
        window_end=day + timedelta(days=WINDOW_DAYS),
        outcomes_since=day - timedelta(days=OUTCOME_DAYS - 1),
        region=region,
        regions=regions,
        centres=lines,
        by_region=sorted(by_region.values(), key=lambda item: (item.region.order, item.region.code)),
        national=national,
        headcount=table,
        chart=staff_chart(table),
        outcomes=_outcome_lines(decisions),
        overrides=overrides,
    )
