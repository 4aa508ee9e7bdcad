"""Feeding the eligibility engine: facts for any set of employees in a fixed number of queries.

Queries, whatever the number of employees: requirements in force on D, the education field tree, the
employees, positions, centres, their education and their work periods (seven). The requirement set is built
once per call, not per employee.
"""

import gc
from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from django.db.models import F, IntegerField, Max, QuerySet, Value

from attestation.models import ATTESTING_DECISIONS, DECIDED_STATES, AttestationPolicy, Candidate
from attestation.rules import Education as EducationFact
from attestation.rules import (
    EmployeeFacts,
    Requirement,
    RequirementSet,
    Verdict,
    alternatives_from_data,
    evaluate,
)
from attestation.rules import Period as PeriodFact
from attestation.rules.schedule import PolicyTerms, Schedule, ScheduleFacts, schedule
from config.dates import today
from positions import schema
from positions.models import EducationField, Position
from positions.models import Requirement as RequirementRow
from staffing.models import Centre, ChildCareLeave, Education, Employee, WorkPeriod


def requirement_set_on(day: date) -> RequirementSet:
    """The requirements in force on `day`, each row checked against the schema (positions.schema) as it is read:
    a row that fails it (written around the checks, or before them) becomes an invalid requirement, which the
    verdicts report and the editors' start page flags (positions.selectors.unreadable_requirements)."""
    rows = RequirementRow.objects.in_force_on(day).select_related("position", "item", "act")
    return RequirementSet(_requirement(row) for row in rows)


def _requirement(row: RequirementRow) -> Requirement:
    valid = schema.is_valid(row.alternatives)
    return Requirement(
        position=row.position.code,
        level=row.qualification_level or None,
        category=row.category or None,
        item=row.item.number,
        alternatives=alternatives_from_data(row.alternatives) if valid else (),
        # Reading "order_in_force": a version without a start date applies from the day its act comes
        # into force (LegalAct.effective_on, editable in the admin); while that day is not recorded, from
        # the day the act was signed, the earliest it can apply (item 4 of the order: ten calendar days
        # after its first official publication, a date the text does not give).
        in_force_from=row.valid_from or row.act.effective_on or row.act.signed_on,
        act=row.act.number,
        invalid=not valid,
    )


@dataclass
class CatalogueLookups:
    """Positions and education fields, read once per request (two queries) and shared by the facts builder
    and the sentences of the reasons."""

    positions: dict[int, Position]
    fields: list[EducationField]

    @cached_property
    def lineage(self) -> dict[int, frozenset[str]]:
        return field_lineage(self.fields)

    @cached_property
    def codes(self) -> dict[int, str]:
        return {pk: position.code for pk, position in self.positions.items()}

    def position_titles(self) -> dict[str, str]:
        """In the active language (no query: it may be called once per language)."""
        return {position.code: position.title for position in self.positions.values()}

    def field_names(self) -> dict[str, str]:
        return {field.code: field.name for field in self.fields}


def catalogue_lookups() -> CatalogueLookups:
    return CatalogueLookups(
        positions={position.pk: position for position in Position.objects.all()},
        fields=list(EducationField.objects.all()),
    )


def field_lineage(fields=None) -> dict[int, frozenset[str]]:
    """For each education field id, its code and its ancestors' codes: a requirement naming "social"
    accepts a diploma in "social_work". Pass the fields when they are already fetched."""
    fields = {field.pk: field for field in (EducationField.objects.all() if fields is None else fields)}
    lineage = {}
    for pk, field in fields.items():
        codes, node = [], field
        while node is not None and len(codes) <= len(fields):
            codes.append(node.code)
            node = fields.get(node.parent_id)
        lineage[pk] = frozenset(codes)
    return lineage


def _post_on(day: date | None, period_rows, position, level, category):
    """The post held on `day`: from the work period that covers it (the latest start wins), not today's post.
    Without a day, or without a catalogue period covering it, the current assignment (position, level, category)."""
    if day is None:
        return position, level, category
    held = None
    for start, end, _sector, position_id, period_level, period_category, _managerial, _profile in period_rows:
        if position_id is not None and start <= day and (end is None or end >= day):
            held = (position_id, period_level, period_category)
    return held


def _facts(
    key, position, level, category, education_rows, period_rows, lineage, position_codes, diplomas=None
) -> EmployeeFacts:
    """Facts from plain values: (level, field_id) per diploma, PERIOD_COLUMNS[1:] per work period. Blank flags
    stay None ("not established"): they count as no. `diplomas`, a dict kept across the employees of one answer,
    shares one education fact among the diplomas of the same level and field."""
    diplomas = {} if diplomas is None else diplomas
    education = []
    for row in education_rows:
        fact = diplomas.get(row)
        if fact is None:
            level_, field_id = row
            fact = diplomas[row] = EducationFact(level=level_, fields=lineage.get(field_id, frozenset()))
        education.append(fact)
    return EmployeeFacts(
        key=key,
        position=position,
        level=level or None,
        category=category or None,
        education=tuple(education),
        periods=tuple(
            PeriodFact(
                start,
                end,
                sector,
                position_codes.get(position_id, ""),
                period_level or None,
                period_category or None,
                managerial,
                profile,
            )
            for start, end, sector, position_id, period_level, period_category, managerial, profile in period_rows
        ),
    )


PERIOD_COLUMNS = (
    "employee_id",
    "start_date",
    "end_date",
    "sector",
    "position_id",
    "qualification_level",
    "category",
    "managerial",
    "profile_experience",
)


def employee_facts(employee: Employee, lineage: dict[int, frozenset[str]], day: date | None = None) -> EmployeeFacts:
    """Facts from one employee whose education and periods are prefetched (the employee card), as of `day`:
    the post of the period covering it, diplomas obtained by then."""
    periods = list(employee.periods.all())
    rows = [tuple(getattr(p, name) for name in PERIOD_COLUMNS[1:]) for p in periods]
    codes = {p.position_id: p.position.code for p in periods if p.position_id}
    if employee.position_id:
        codes.setdefault(employee.position_id, employee.position.code)
    held = _post_on(day, rows, employee.position_id, employee.qualification_level, employee.category)
    position_id, level, category = held or (employee.position_id, employee.qualification_level, employee.category)
    return _facts(
        employee.pk,
        codes.get(position_id, ""),
        level,
        category,
        [
            (e.level, e.field_id)
            for e in employee.education.all()
            if day is None or e.graduation_date is None or e.graduation_date <= day
        ],
        rows,
        lineage,
        codes,
    )


def employees_with_facts(
    employees: QuerySet[Employee],
    catalogue: CatalogueLookups,
    *,
    centres: dict[int, Centre] | None = None,
    day: date | None = None,
) -> list[tuple[Employee, EmployeeFacts]]:
    """See _people_facts_periods (the employee of each built, without the period rows)."""
    return [
        (person.employee, facts) for person, facts, _rows in _people_facts_periods(employees, catalogue, centres, day)
    ]


# Columns the answer leaves unread (an employee built from it reads them from the database if asked): the search
# columns, hundreds of characters a row (the name's sort key orders the query; reports.py sorts in Python with
# build_name_key), and the contact columns.
_UNREAD = frozenset({"search_text", "name_key", "phone", "email"})


class _People:
    """The employees of one call to the selector as plain rows of their columns, each Employee built when it is first
    read: a page over the country counts the verdicts of ten thousand people and shows a hundred of them, and
    building a model instance costs more than the engine's verdict. Every employee of a centre shares one Centre
    and one Position object."""

    def __init__(self, db: str, centres: dict[int, Centre], positions: dict[int, Position]) -> None:
        self.names = [f.attname for f in Employee._meta.concrete_fields if f.attname not in _UNREAD]
        self.index = {name: i for i, name in enumerate(self.names)}
        self.db, self.centres, self.positions = db, centres, positions

    def build(self, values: tuple) -> Employee:
        employee = Employee.from_db(self.db, self.names, values)
        Employee.centre.field.set_cached_value(employee, self.centres[employee.centre_id])
        Employee.position.field.set_cached_value(employee, self.positions.get(employee.position_id))
        return employee


class Person:
    """One employee of the selector's answer. ``employee`` is built on first read (see _People); the columns that
    pages count by (``employee_id``, ``centre_id`` and the post held on the day) and the post's ``position`` read
    without building it."""

    __slots__ = ("values", "_people", "_employee")

    def __init__(self, values: tuple, people: _People) -> None:
        self.values, self._people, self._employee = values, people, None

    @property
    def employee(self) -> Employee:
        if self._employee is None:
            self._employee = self._people.build(self.values)
        return self._employee

    def _value(self, name: str):
        return self.values[self._people.index[name]]

    @property
    def employee_id(self) -> int:
        return self._value("id")

    @property
    def centre_id(self) -> int:
        return self._value("centre_id")

    @property
    def post(self) -> tuple[int | None, str, str]:
        """(position_id, qualification_level, category) held on the day of the answer."""
        return self._value("position_id"), self._value("qualification_level"), self._value("category")

    @property
    def position(self) -> Position | None:
        return self._people.positions.get(self._value("position_id"))


def _people_facts_periods(
    employees: QuerySet[Employee],
    catalogue: CatalogueLookups,
    centres: dict[int, Centre] | None = None,
    day: date | None = None,
) -> list[tuple[Person, EmployeeFacts, list[tuple]]]:
    """The employees of the queryset employed on `day` (today when None) with their facts as of that day, in
    five queries whatever their number (seven with the requirements and the field tree).

    "As of D" describes D (docs/records.md): employed on D (hired on or before D, not dismissed before D), the
    post, level and category of the work period covering D (not today's), only the diplomas and certificates
    obtained on or before D (a diploma without a date is counted), experience counted to D by the engine. The
    employee built from the row shows that post too.

    Employees, education and work periods are read as plain values: building tens of thousands of model
    instances would cost more than the engine itself.
    """
    day = day or today()
    active = employees.employed_on(day)
    positions, codes, lineage = catalogue.positions, catalogue.codes, catalogue.lineage
    if centres is None:  # a page about one centre passes the centre it has already read
        centres = {centre.pk: centre for centre in Centre.objects.filter(pk__in=active.values("centre_id"))}
    people = _People(active.db, centres, positions)
    rows = list(active.values_list(*people.names))
    education, periods = defaultdict(list), defaultdict(list)
    for employee_id, level, field_id, graduated in Education.objects.filter(
        employee__in=active.values("pk")
    ).values_list("employee_id", "level", "field_id", "graduation_date"):
        if graduated is None or graduated <= day:
            education[employee_id].append((level, field_id))
    for row in (
        WorkPeriod.objects.filter(employee__in=active.values("pk")).order_by("start_date").values_list(*PERIOD_COLUMNS)
    ):
        periods[row[0]].append(row[1:])
    diplomas: dict[tuple, EducationFact] = {}
    pk, post = people.index["id"], [people.index[name] for name in ("position_id", "qualification_level", "category")]
    result = []
    for values in rows:
        employee_id = values[pk]
        period_rows = periods[employee_id]
        recorded = (values[post[0]], values[post[1]], values[post[2]])
        held = _post_on(day, period_rows, *recorded)
        if held is not None and held != recorded:
            # The answer describes `day`: the employee shows the post held then.
            changed = list(values)
            for index, value in zip(post, held, strict=True):
                changed[index] = value
            values = tuple(changed)
        position_id, level, category = held or recorded
        facts = _facts(
            employee_id,
            codes.get(position_id, ""),
            level,
            category,
            education[employee_id],
            period_rows,
            lineage,
            codes,
            diplomas,
        )
        result.append((Person(values, people), facts, period_rows))
    return result


class EligibilityRow:
    """An employee's verdict on a day. ``employee`` is built when first read and ``verdict.reasons`` worked out
    when first read: a page reads them for the rows it shows."""

    __slots__ = ("person", "verdict", "periods", "post_has_ladder")

    def __init__(self, person: Person, verdict: Verdict, periods: list[tuple], post_has_ladder: bool) -> None:
        self.person = person
        self.verdict = verdict
        # Whether the requirements of the post held on the day have a category ladder (items 15, 18, 21, 36): a
        # blank category is then missing, not as it should be.
        self.post_has_ladder = post_has_ladder
        # The work periods as read for the facts (PERIOD_COLUMNS[1:], by start date): a page that computes more
        # from them (the attestation schedule of the dashboard) reads them once.
        self.periods = periods

    @property
    def employee(self) -> Employee:
        return self.person.employee


def eligibility(
    employees: QuerySet[Employee], day: date, *, catalogue: CatalogueLookups | None = None, centres: dict | None = None
) -> list[EligibilityRow]:
    """The engine's verdict on `day` for every ACTIVE employee of the queryset, in seven queries: requirements,
    positions and education fields (unless `catalogue` is given), employees, centres, education, work periods."""
    requirements = requirement_set_on(day)
    catalogue = catalogue or catalogue_lookups()
    # The facts and verdicts are tens of thousands of small acyclic objects: the cyclic garbage collector would
    # scan them again and again while they are built (a third of the time for the national report).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return [
            EligibilityRow(person, evaluate(facts, requirements, day), rows, requirements.has_ladder(facts.position))
            for person, facts, rows in _people_facts_periods(employees, catalogue, centres, day)
        ]
    finally:
        if collecting:
            gc.enable()


_shared_answers: ContextVar[dict | None] = ContextVar("shared_eligibility_answers", default=None)


@contextmanager
def shared_eligibility():
    """Within the block, eligibility_of_centres answers a question it was already asked from the first answer: the
    start page's sections (what needs attention, the calendar) each want the verdicts of the user's centres today,
    and the engine runs once for them. Only for a block that changes no record."""
    token = _shared_answers.set({})
    try:
        yield
    finally:
        _shared_answers.reset(token)


def eligibility_of_centres(centre_ids: list[int] | None, day: date) -> list[EligibilityRow]:
    """eligibility() of the employees of these centres (None: every centre) on `day`, shared inside
    shared_eligibility(). The rows are the same objects for every asker: read them, do not change them."""
    answers = _shared_answers.get()
    key = (None if centre_ids is None else frozenset(centre_ids), day)
    if answers is not None and key in answers:
        return answers[key]
    employees = Employee.objects.all() if centre_ids is None else Employee.objects.filter(centre_id__in=centre_ids)
    rows = eligibility(employees, day)
    if answers is not None:
        answers[key] = rows
    return rows


def employee_verdict(employee: Employee, day: date, *, lineage: dict[int, frozenset[str]] | None = None) -> Verdict:
    """The verdict for one employee already fetched with education and periods (the employee card)."""
    return evaluate(employee_facts(employee, lineage or field_lineage(), day), requirement_set_on(day), day)


# The attestation schedule: when each employee is due, under the policy of their centre and post.


@dataclass(frozen=True)
class EmployeeSchedule:
    """One employee's attestation dates as of a day (see attestation_schedule)."""

    employee_id: int
    policy: AttestationPolicy
    periodic_attestation_due: date
    category_valid_until: date | None
    # The policy keeps the employee from attestation until `not_before` (None with `wait` == "on_leave": until
    # the leave ends); both None when it does not.
    not_before: date | None
    wait: str | None

    def due_on(self, day: date) -> bool:
        return self._schedule.due_on(day)

    def waits_on(self, day: date) -> bool:
        return self._schedule.waits_on(day)

    @property
    def _schedule(self) -> Schedule:
        return Schedule(self.periodic_attestation_due, self.category_valid_until, self.not_before, self.wait)


def policies_for(centre_ids) -> tuple[AttestationPolicy, dict[tuple[int, int | None], AttestationPolicy]]:
    """The default policy and each centre's (and centre-and-post's) policy, in one query."""
    blank = Value(None, output_field=IntegerField())
    rows = (
        AttestationPolicy.objects.filter(is_default=True)
        .annotate(assigned_centre=blank, assigned_position=blank)
        .order_by()
        .union(
            AttestationPolicy.objects.filter(assignments__centre_id__in=list(centre_ids))
            .annotate(assigned_centre=F("assignments__centre_id"), assigned_position=F("assignments__position_id"))
            .order_by(),
            all=True,
        )
    )
    default, assigned, policies = None, {}, {}
    for row in rows:
        policy = policies.setdefault(row.pk, row)  # one object per policy, however many centres follow it
        if row.assigned_centre is None:
            default = policy
        else:
            assigned[(row.assigned_centre, row.assigned_position)] = policy
    if default is None:  # the data migration creates it; an empty test database may not have it
        default = AttestationPolicy(code="centre_default", name_kk="—", interval_years=3, is_default=True)
    return default, assigned


def policy_of(default, assigned, centre_id: int, position_id: int | None) -> AttestationPolicy:
    return assigned.get((centre_id, position_id)) or assigned.get((centre_id, None)) or default


def _since(rows, day: date, same) -> tuple[tuple | None, date | None]:
    """The period covering `day` and the first day of the unbroken run of periods before it for which
    `same(period, current)` holds. Rows: (start, end, position_id, level, category), sorted by start."""
    current = None
    for row in rows:
        if row[2] is not None and row[0] <= day and (row[1] is None or row[1] >= day):
            current = row
    if current is None:
        return None, None
    since = current[0]
    for row in sorted((r for r in rows if r[0] < since), key=lambda r: r[0], reverse=True):
        if row[1] is not None and row[1] >= since - timedelta(days=1) and same(row, current):
            since = min(since, row[0])
    return current, since


def attestation_schedule(employee_ids, as_of: date) -> dict[int, EmployeeSchedule]:
    """Per employee: when periodic attestation is next due and until when their category is valid, under the
    attestation policy of their centre and post (docs/attestation-policies.md), as of `as_of`.

    A stable public function: the HR calendar reads `periodic_attestation_due` (kind `periodic_attestation`) and
    `category_valid_until` (kind `category_expiry`, None when the category does not expire); proposing candidates
    reads `due_on` and `waits_on`. Five queries whatever the number of employees: employees, the policies (the
    default one and the centres'), last approved attestations, work periods and child-care leaves.

    - "last attestation": the session date of the latest approved (or ordered) attestation that assigned the next
      category or confirmed the post; without one, the hire date;
    - the post and category of `as_of` come from the work period covering it (else none: no category term).
    """
    employees = list(
        Employee.objects.filter(pk__in=list(employee_ids)).values_list(
            "pk", "centre_id", "position_id", "hire_date", "category"
        )
    )
    ids = [row[0] for row in employees]
    periods = defaultdict(list)
    for employee_id, *row in (
        WorkPeriod.objects.filter(employee_id__in=ids)
        .order_by("start_date")
        .values_list("employee_id", "start_date", "end_date", "position_id", "qualification_level", "category")
    ):
        periods[employee_id].append(tuple(row))
    return _schedules(employees, periods, _leaves(ids), _last_attested(ids, as_of), as_of)


def eligibility_schedule(rows: list[EligibilityRow], as_of: date, *, candidacies=None) -> dict[int, EmployeeSchedule]:
    """attestation_schedule of the employees of eligibility rows on the same day, from what those rows already
    hold (the employee, the post held on that day, the work periods): three queries, the policies, last approved
    attestations and child-care leaves; two when `candidacies` (with their session) hold every candidacy of
    theirs that was approved by `as_of` (the last attestation is read from them)."""
    employees = [
        (
            row.employee.pk,
            row.employee.centre_id,
            row.employee.position_id,
            row.employee.hire_date,
            row.employee.category,
        )
        for row in rows
    ]
    # PERIOD_COLUMNS[1:] -> (start, end, position_id, level, category)
    periods = {row.employee.pk: [(p[0], p[1], p[3], p[4], p[5]) for p in row.periods] for row in rows}
    ids = [row[0] for row in employees]
    last = _last_attested(ids, as_of) if candidacies is None else last_attested(candidacies, as_of)
    return _schedules(employees, periods, _leaves(ids), last, as_of)


def employee_schedule(employee: Employee, candidacies: list[Candidate], as_of: date) -> EmployeeSchedule:
    """attestation_schedule of one employee fetched with their work periods and child-care leaves (the employee
    card), given all their candidacies with the session: one query, the policies."""
    periods = sorted(
        ((p.start_date, p.end_date, p.position_id, p.qualification_level, p.category) for p in employee.periods.all()),
        key=lambda row: row[0],
    )
    leaves = [(leave.start_date, leave.end_date) for leave in employee.child_care_leaves.all()]
    row = (employee.pk, employee.centre_id, employee.position_id, employee.hire_date, employee.category)
    last = last_attested(candidacies, as_of)
    return _schedules([row], {employee.pk: periods}, {employee.pk: leaves}, last, as_of)[employee.pk]


def last_attested(candidacies, as_of: date) -> dict[int, date]:
    """_last_attested from candidacies already fetched with their session: per employee, the date of the latest
    approved (or ordered) session by `as_of` that assigned the next category or confirmed the post."""
    last = {}
    for candidacy in candidacies:
        session = candidacy.session
        if (
            not candidacy.removed
            and session.state in DECIDED_STATES
            and session.date <= as_of
            and candidacy.decision in ATTESTING_DECISIONS
        ):
            employee_id = candidacy.employee_id
            last[employee_id] = max(last.get(employee_id, session.date), session.date)
    return last


def _last_attested(ids: list[int], as_of: date) -> dict[int, date]:
    return dict(
        Candidate.objects.filter(
            employee_id__in=ids,
            removed=False,
            session__state__in=DECIDED_STATES,
            session__date__lte=as_of,
            decision__in=ATTESTING_DECISIONS,
        )
        .values("employee")
        .annotate(last=Max("session__date"))
        .values_list("employee", "last")
    )


def _leaves(ids: list[int]) -> dict[int, list[tuple[date, date]]]:
    leaves = defaultdict(list)
    for employee_id, start, end in ChildCareLeave.objects.filter(employee_id__in=ids).values_list(
        "employee_id", "start_date", "end_date"
    ):
        leaves[employee_id].append((start, end))
    return leaves


def _schedules(employees, periods, leaves, last, as_of: date) -> dict[int, EmployeeSchedule]:
    """Employees as (pk, centre_id, position_id, hire_date, category); per employee id, work periods as (start,
    end, position_id, level, category) by start date, child-care leaves as (start, end) and the last attestation
    date. One query: the policies of the employees' centres."""
    default, assigned = policies_for({row[1] for row in employees})
    result = {}
    for pk, centre_id, position_id, hire_date, category in employees:
        rows = periods.get(pk, [])
        current, post_since = _since(rows, as_of, lambda row, now: row[2] == now[2])
        _current, category_since = _since(rows, as_of, lambda row, now: row[2:5] == now[2:5])
        if current is not None:
            position_id, category = current[2], current[4]
        policy = policy_of(default, assigned, centre_id, position_id)
        terms = PolicyTerms(
            interval_years=policy.interval_years,
            min_months_in_post=policy.min_months_in_post,
            min_months_after_child_care_leave=policy.min_months_after_child_care_leave,
            category_validity_years=policy.category_validity_years,
        )
        facts = ScheduleFacts(
            hire_date=hire_date,
            category=category or None,
            post_since=post_since or hire_date,
            category_since=category_since,
            last_attested=last.get(pk),
            leaves=tuple(leaves.get(pk, ())),
        )
        plan = schedule(terms, facts, as_of)
        result[pk] = EmployeeSchedule(
            pk, policy, plan.periodic_attestation_due, plan.category_valid_until, plan.not_before, plan.wait
        )
    return result
