"""The eligibility engine: facts in, verdict out.

``evaluate(facts, requirements, on)`` decides, on date ``on`` (D):

* ``meets_requirements``: a requirement exists for the current (position, level,
  category) and ANY of its alternatives holds: all its education conditions, and
  its experience condition on D unless that is of kind "category" (how the
  category was earned is not re-checked).  No requirement -> False, reason
  "no_requirement".
* ``next_category``: the next step of the (position, level) ladder above the
  current category (None counts as "none"); None at the top or without a ladder.
* ``eligible``: the next step exists and one of its alternatives has its education
  satisfied and its experience reached on D.
* ``eligible_from``: the date the best such alternative's experience is (or will
  be) reached, the ongoing periods assumed to continue; None when education
  blocks every alternative, when there is no next step, or when the closed
  periods can never reach it.  A step without an experience condition gives D.

A requirement that failed the schema when it was read (``Requirement.invalid``)
decides nothing: the current post then does not meet (reason
"requirement_invalid" citing its item) and a next step is not eligible (the same
reason), so one bad row says so on the verdicts it touches and breaks nothing.

Periods starting on or after D are ignored throughout.  Experience follows
:mod:`staffing.experience` (days before D; overlaps counted once; one continuous
span reaches N years on its calendar anniversary; separate spans are summed with
30 days = 1 month).

Reasons come in this order: for the current post, per alternative, "education"
(one per education condition) then "experience"; then "no_ladder" or
"top_of_ladder" where relevant; then for the next step, per alternative,
"next_education" then "next_experience".  When an alternative holds (or, for the
next step, when some alternative's education is satisfied) only the first such
(the earliest-reaching, for the next step) is reported; otherwise every
alternative is, each reason carrying ``params["alternative"]`` (0-based) and
``params["alternatives"]`` (their number) so the text can say "or".

Params are plain values: str, int, bool, None, lists of str, ``datetime.date``,
and durations as ``{"years", "months", "days"}`` dicts.

Cost: O(periods) per employee per alternative; the requirement set is indexed
once, at construction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from positions.data.readings import READINGS
from staffing.experience import Duration, date_reached, experience

from .facts import (
    Alternative,
    Education,
    EducationCondition,
    EmployeeFacts,
    ExperienceCondition,
    Period,
    Requirement,
    RequirementSet,
)

__all__ = ["Reason", "Verdict", "evaluate"]


@dataclass(frozen=True)
class Reason:
    """One check.  ``item``: the order's item number it comes from (None when no
    requirement exists).  ``code``: "education", "experience", "no_requirement",
    "no_ladder", "top_of_ladder", "next_education", "next_experience",
    "requirement_invalid", "not_in_force", "category_not_in_ladder"."""

    item: int | None
    code: str
    ok: bool
    params: dict = field(default_factory=dict)


class Verdict:
    """The decision (``meets_requirements``, ``next_category``, ``eligible``, ``eligible_from``) and the reasons
    behind it.

    The reasons are worked out when they are first read, from the same facts, requirements and date, by the
    same code that decided: a page over every employee of the country counts the decisions of all of them and
    shows the reasons of the hundred on screen. Working them out decides again, and a decision that came out
    differently would be a bug of the engine: it raises rather than explain a verdict it did not give.
    """

    __slots__ = (
        "meets_requirements",
        "next_category",
        "eligible",
        "eligible_from",
        "_reasons",
        "_facts",
        "_requirements",
        "_on",
    )

    meets_requirements: bool
    next_category: str | None
    eligible: bool
    eligible_from: date | None
    _reasons: tuple[Reason, ...] | None
    _facts: EmployeeFacts | None
    _requirements: RequirementSet | None
    _on: date | None

    def __init__(
        self,
        meets_requirements: bool,
        next_category: str | None,
        eligible: bool,
        eligible_from: date | None,
        reasons: tuple[Reason, ...] | None = None,
        *,
        question: tuple[EmployeeFacts, RequirementSet, date] | None = None,
    ) -> None:
        if (reasons is None) == (question is None):
            raise TypeError("a verdict has either its reasons or the question that explains it")
        self.meets_requirements = meets_requirements
        self.next_category = next_category
        self.eligible = eligible
        self.eligible_from = eligible_from
        self._reasons = reasons
        # Three slots rather than the tuple: one object less per employee of a national page.
        self._facts, self._requirements, self._on = question or (None, None, None)

    @property
    def decision(self) -> tuple[bool, str | None, bool, date | None]:
        return (self.meets_requirements, self.next_category, self.eligible, self.eligible_from)

    @property
    def reasons(self) -> tuple[Reason, ...]:
        if self._reasons is None:
            assert self._facts is not None and self._requirements is not None and self._on is not None
            explained = _evaluate(self._facts, self._requirements, self._on, explain=True)
            if explained.decision != self.decision:
                raise AssertionError(f"the engine decided {self.decision}, then explained {explained.decision}")
            self._reasons = explained.reasons
            self._facts = self._requirements = self._on = None
        return self._reasons

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Verdict):
            return NotImplemented
        return self.decision == other.decision and self.reasons == other.reasons

    __hash__ = None  # type: ignore[assignment]  # reasons hold dicts

    def __repr__(self) -> str:
        return (
            f"Verdict(meets_requirements={self.meets_requirements!r}, next_category={self.next_category!r}, "
            f"eligible={self.eligible!r}, eligible_from={self.eligible_from!r}, reasons={self.reasons!r})"
        )


def _matches(period: Period, cond: ExperienceCondition, req: Requirement, any_level: bool) -> bool:
    # Reading "blank_flag_not_established": a flag counts only when it is explicitly True (None = not
    # established), a sector only when it is recorded.
    kind = cond.kind
    if kind == "sectors":
        return period.sector in cond.sectors
    if kind == "category":
        positions = cond.positions or (req.position,)
        return (
            period.position in positions
            and (any_level or not cond.same_level or req.level is None or period.level == req.level)
            and (period.category or "none") == cond.category
        )
    if kind == "managerial":
        ok = period.managerial is True and (not cond.in_profile or period.profile is True)
    elif kind == "profile":
        ok = period.profile is True
    else:  # the schema (positions.schema) admits no other kind
        raise ValueError(f"unknown experience kind {kind!r}")
    return ok and (not cond.sectors or period.sector in cond.sectors)


def _not_established(period: Period, cond: ExperienceCondition) -> bool:
    """The period might have counted had its flag been recorded."""
    kind = cond.kind
    if kind == "sectors":
        return period.sector is None
    if kind == "managerial":
        return period.managerial is None or (
            cond.in_profile and period.managerial is not False and period.profile is None
        )
    if kind == "profile":
        return period.profile is None
    return False


@dataclass
class _Experience:
    ok: bool
    required: Duration
    reached_on: date | None
    # For the reasons only (explain): the experience on D and the periods whose flag is blank ("not established").
    have: Duration | None = None
    not_established: int = 0


def _check_experience(
    cond: ExperienceCondition,
    req: Requirement,
    periods: tuple[Period, ...],
    on: date,
    any_level: bool,
    explain: bool,
) -> _Experience:
    # A Period has the start and end of a Span: the matching periods are the spans.
    spans = [p for p in periods if _matches(p, cond, req, any_level)]
    required = cond.required
    reached_on = None if required.is_zero else date_reached(spans, required)
    result = _Experience(required.is_zero or (reached_on is not None and reached_on <= on), required, reached_on)
    if explain:
        result.have = experience(spans, on)
        if cond.kind != "category":
            result.not_established = sum(
                1 for p in periods if not _matches(p, cond, req, any_level) and _not_established(p, cond)
            )
    return result


def _experience_readings(cond: ExperienceCondition, result: _Experience, post_readings: list[str]) -> list[str]:
    readings = list(post_readings)
    if cond.kind == "managerial" and cond.in_profile:
        readings.append("managerial_by_profile")
    if cond.kind == "category" and cond.same_level:
        readings.append("previous_category_same_post")
    if result.not_established:
        readings.append("blank_flag_not_established")
    return readings


def _post(req: Requirement) -> dict[str, str | None]:
    return {"position": req.position, "level": req.level, "category": req.category}


# Readings that rest on the catalogue's data rather than on a rule of the engine (positions/data/readings.py):
# the items where the product chose the fields of "the relevant specialty", and where plain "жоғары білім"
# also accepts postgraduate education.
_ITEMS_OF = {reading["code"]: {int(item) for item in reading["items"].split(",") if item} for reading in READINGS}


def _text_readings(req: Requirement, cond: EducationCondition, matched: Education | None) -> list[str]:
    readings = []
    if req.item in _ITEMS_OF["relevant_specialty_defaults"] and cond.fields:
        readings.append("relevant_specialty_defaults")
    if (
        matched is not None
        and matched.level == "postgraduate"
        and "higher" in cond.levels
        and req.item in _ITEMS_OF["postgraduate_for_higher"]
    ):
        readings.append("postgraduate_for_higher")
    return readings


def _education(
    code: str,
    req: Requirement,
    index: int,
    alt: Alternative,
    facts: EmployeeFacts,
    extra: dict,
    post_readings: list[str],
    explain: bool,
) -> tuple[bool, bool, list[Reason]]:
    """(all conditions hold, some holds only through a reading, the reasons when `explain`)."""
    all_ok = True
    by_reading = False
    reasons = []
    for cond in alt.education:
        matched = cond.satisfied_by(facts.education)
        ok = matched is not None
        all_ok = all_ok and ok
        nested = cond.nested(matched)
        by_reading = by_reading or nested
        if not explain:
            continue
        params = {
            "alternative": index,
            "alternatives": len(req.alternatives),
            **_post(req),
            **extra,
            "levels": list(cond.sorted_levels),
            "fields": sorted(cond.fields),
            "matched_level": None if matched is None else matched.level,
            "readings": [
                *post_readings,
                *(["education_levels_nest"] if nested else []),
                *_text_readings(req, cond, matched),
            ],
        }
        reasons.append(Reason(req.item, code, ok, params))
    return all_ok, by_reading, reasons


def _experience_params(req: Requirement, index: int, cond: ExperienceCondition, result: _Experience) -> dict:
    return {
        "alternative": index,
        "alternatives": len(req.alternatives),
        **_post(req),
        "kind": cond.kind,
        "required_years": cond.years,
        "required": result.required.as_dict(),
        "have": result.have.as_dict() if result.have is not None else None,
        "reached_on": result.reached_on,
        "sectors": sorted(cond.sectors),
        "positions": sorted(cond.positions or ((req.position,) if cond.kind == "category" else ())),
        "experience_category": cond.category,
        "not_established": result.not_established,
    }


def _current(
    req: Requirement,
    facts: EmployeeFacts,
    periods: tuple[Period, ...],
    on: date,
    any_level: bool,
    post_readings: list[str],
    explain: bool,
) -> tuple[bool, list[Reason]]:
    per_alternative: list[tuple[bool, list[Reason]]] = []
    through_reading = None  # the first alternative that holds only through a reading of the product
    for index, alt in enumerate(req.alternatives):
        holds, by_reading, reasons = _education("education", req, index, alt, facts, {}, post_readings, explain)
        cond = alt.experience
        if cond is not None and cond.kind != "category":
            result = _check_experience(cond, req, periods, on, any_level, explain)
            holds = holds and result.ok
            if explain:
                params = _experience_params(req, index, cond, result)
                params["readings"] = _experience_readings(cond, result, post_readings)
                reasons.append(Reason(req.item, "experience", result.ok, params))
        if holds and not by_reading:
            return True, reasons  # the text itself is met: say so rather than a reading
        if holds and through_reading is None:
            through_reading = reasons
        per_alternative.append((holds, reasons))
    if through_reading is not None:
        return True, through_reading
    return False, [r for _, reasons in per_alternative for r in reasons]


def _next(
    req: Requirement,
    current_category: str | None,
    facts: EmployeeFacts,
    periods: tuple[Period, ...],
    on: date,
    any_level: bool,
    post_readings: list[str],
    explain: bool,
) -> tuple[bool, date | None, list[Reason]]:
    extra = {"from_category": current_category}
    candidates = []  # (education ok, reach date or None, through a reading, index, reasons)
    for index, alt in enumerate(req.alternatives):
        education_ok, by_reading, reasons = _education(
            "next_education", req, index, alt, facts, extra, post_readings, explain
        )
        cond = alt.experience
        if cond is None or cond.years == 0:
            reach: date | None = on
            if cond is not None and explain:
                result = _check_experience(cond, req, periods, on, any_level, explain)
                reasons.append(
                    Reason(
                        req.item,
                        "next_experience",
                        True,
                        {
                            **_experience_params(req, index, cond, result),
                            **extra,
                            "next_category": req.category,
                            "reached_on": None,
                            "readings": _experience_readings(cond, result, post_readings),
                        },
                    )
                )
        else:
            result = _check_experience(cond, req, periods, on, any_level, explain)
            reach = result.reached_on
            if explain:
                params = _experience_params(req, index, cond, result)
                # the sentence's vocabulary: "category" = the category in which the
                # years are served (the previous step), "next_category" = the goal.
                params.update(extra, category=cond.category, next_category=req.category)
                params["readings"] = _experience_readings(cond, result, post_readings)
                reasons.append(Reason(req.item, "next_experience", result.ok, params))
        candidates.append((education_ok, reach, by_reading, index, reasons))
    open_ = [c for c in candidates if c[0]]
    if not open_:
        return False, None, [r for c in candidates for r in c[4]]
    best = min(open_, key=lambda c: (c[1] is None, c[1] or date.max, c[2], c[3]))
    eligible_from = best[1]
    return eligible_from is not None and eligible_from <= on, eligible_from, best[4]


def evaluate(facts: EmployeeFacts, requirements: RequirementSet, on: date) -> Verdict:
    """The verdict for ``facts`` on date ``on`` (see the module docstring); its reasons are worked out when read."""
    return _evaluate(facts, requirements, on, explain=False)


def _evaluate(facts: EmployeeFacts, requirements: RequirementSet, on: date, *, explain: bool) -> Verdict:
    """The decision, and with `explain` the reasons; without, a verdict that works them out when they are read."""

    def verdict(meets: bool, next_category: str | None, eligible: bool, eligible_from: date | None) -> Verdict:
        if explain:
            return Verdict(meets, next_category, eligible, eligible_from, tuple(reasons))
        return Verdict(meets, next_category, eligible, eligible_from, question=(facts, requirements, on))

    periods = tuple(p for p in facts.periods if p.start < on)
    position, level = facts.position, facts.level
    ladder = requirements.ladder(position, level)
    category = (facts.category or "none") if ladder else facts.category
    post = {"position": position, "level": level, "category": category} if explain else {}
    reasons: list[Reason] = []

    # Any requirement of the post (the first step of its ladder): the order it comes from and its item.
    first = requirements.for_post(position, level, ladder[0] if ladder else category)
    if first is not None and first.in_force_from is not None and on < first.in_force_from:
        # Reading "order_in_force": before the order applies, none of its items is cited.
        if explain:
            params = {**post, "act": first.act, "in_force_from": first.in_force_from, "on": on}
            reasons.append(Reason(None, "not_in_force", False, params))
        return verdict(False, None, False, None)
    if ladder and category not in ladder:
        # Reading "category_outside_ladder": e.g. item 21 has no highest category; not "top of the ladder".
        if explain:
            item = first.item if first is not None else None  # a ladder's first step is a requirement
            reasons.append(Reason(item, "category_not_in_ladder", False, {**post, "ladder": list(ladder)}))
        return verdict(False, None, False, None)
    one_level = requirements.one_ladder_level(position)
    # Reading "case_manager_one_ladder" (item 36): the one ladder applies whatever level is recorded, and the
    # years in the previous category count at any recorded level.
    any_level = one_level is not None
    post_readings = ["case_manager_one_ladder"] if any_level and level != one_level else []

    req = requirements.for_post(position, level, category)
    if req is None:
        meets = False
        if explain:
            reasons.append(Reason(None, "no_requirement", False, post))
    elif req.invalid:
        meets = False
        if explain:
            reasons.append(Reason(req.item, "requirement_invalid", False, post))
    else:
        meets, current_reasons = _current(req, facts, periods, on, any_level, post_readings, explain)
        reasons.extend(current_reasons)

    item = None if req is None else req.item
    next_category = requirements.next_category(position, level, category) if ladder else None
    if not ladder:
        if explain:
            reasons.append(Reason(item, "no_ladder", True, post))
        return verdict(meets, None, False, None)
    if next_category is None:
        if explain:
            reasons.append(Reason(item, "top_of_ladder", True, {**post, "ladder": list(ladder)}))
        return verdict(meets, None, False, None)

    next_req = requirements.for_post(position, level, next_category)
    assert next_req is not None  # the ladder is built from the requirements
    if next_req.invalid:
        if explain and not (req is not None and req.invalid and req.item == next_req.item):  # one sentence per item
            reasons.append(
                Reason(next_req.item, "requirement_invalid", False, {**post, "next_category": next_category})
            )
        return verdict(meets, next_category, False, None)
    eligible, eligible_from, next_reasons = _next(
        next_req, category, facts, periods, on, any_level, post_readings, explain
    )
    reasons.extend(next_reasons)
    return verdict(meets, next_category, eligible, eligible_from)
