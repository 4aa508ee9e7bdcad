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

from staffing.experience import Duration, Span, date_reached, experience

from .facts import (
    Alternative,
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
    "no_ladder", "top_of_ladder", "next_education", "next_experience"."""

    item: int | None
    code: str
    ok: bool
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Verdict:
    meets_requirements: bool
    next_category: str | None
    eligible: bool
    eligible_from: date | None
    reasons: tuple[Reason, ...]


def _matches(period: Period, cond: ExperienceCondition, req: Requirement) -> bool:
    kind = cond.kind
    if kind == "sectors":
        return period.sector in cond.sectors
    if kind == "category":
        positions = cond.positions or (req.position,)
        return (
            period.position in positions
            and (req.level is None or period.level == req.level)
            and (period.category or "none") == cond.category
        )
    if kind == "managerial":
        ok = period.managerial
    elif kind == "profile":
        ok = period.profile
    else:  # RequirementSet validated the kinds
        raise ValueError(f"unknown experience kind {kind!r}")
    return ok and (not cond.sectors or period.sector in cond.sectors)


@dataclass
class _Experience:
    ok: bool
    have: Duration
    required: Duration
    reached_on: date | None


def _check_experience(
    cond: ExperienceCondition, req: Requirement, periods: tuple[Period, ...], on: date
) -> _Experience:
    spans = [Span(p.start, p.end) for p in periods if _matches(p, cond, req)]
    have = experience(spans, on)
    required = Duration.of_years(cond.years)
    if required.is_zero:
        return _Experience(True, have, required, None)
    reached_on = date_reached(spans, required)
    return _Experience(reached_on is not None and reached_on <= on, have, required, reached_on)


def _post(req: Requirement) -> dict:
    return {"position": req.position, "level": req.level, "category": req.category}


def _education_reasons(
    code: str, req: Requirement, index: int, alt: Alternative, facts: EmployeeFacts, extra: dict
) -> tuple[bool, list[Reason]]:
    all_ok = True
    reasons = []
    for cond in alt.education:
        matched = cond.satisfied_by(facts.education)
        ok = matched is not None
        all_ok = all_ok and ok
        params = {
            "alternative": index,
            "alternatives": len(req.alternatives),
            **_post(req),
            **extra,
            "levels": list(cond.sorted_levels),
            "fields": sorted(cond.fields),
            "matched_level": None if matched is None else matched.level,
        }
        reasons.append(Reason(req.item, code, ok, params))
    return all_ok, reasons


def _experience_params(req: Requirement, index: int, cond: ExperienceCondition, result: _Experience) -> dict:
    return {
        "alternative": index,
        "alternatives": len(req.alternatives),
        **_post(req),
        "kind": cond.kind,
        "required_years": cond.years,
        "required": result.required.as_dict(),
        "have": result.have.as_dict(),
        "reached_on": result.reached_on,
        "sectors": sorted(cond.sectors),
        "positions": sorted(cond.positions or ((req.position,) if cond.kind == "category" else ())),
        "experience_category": cond.category,
    }


def _current(
    req: Requirement, facts: EmployeeFacts, periods: tuple[Period, ...], on: date
) -> tuple[bool, list[Reason]]:
    per_alternative: list[tuple[bool, list[Reason]]] = []
    for index, alt in enumerate(req.alternatives):
        holds, reasons = _education_reasons("education", req, index, alt, facts, {})
        cond = alt.experience
        if cond is not None and cond.kind != "category":
            result = _check_experience(cond, req, periods, on)
            holds = holds and result.ok
            reasons.append(Reason(req.item, "experience", result.ok, _experience_params(req, index, cond, result)))
        if holds:
            return True, reasons
        per_alternative.append((holds, reasons))
    return False, [r for _, reasons in per_alternative for r in reasons]


def _next(
    req: Requirement, current_category: str, facts: EmployeeFacts, periods: tuple[Period, ...], on: date
) -> tuple[bool, date | None, list[Reason]]:
    extra = {"from_category": current_category}
    candidates = []  # (education ok, reach date or None, index, reasons)
    for index, alt in enumerate(req.alternatives):
        education_ok, reasons = _education_reasons("next_education", req, index, alt, facts, extra)
        cond = alt.experience
        if cond is None or cond.years == 0:
            reach: date | None = on
            if cond is not None:
                result = _check_experience(cond, req, periods, on)
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
                        },
                    )
                )
        else:
            result = _check_experience(cond, req, periods, on)
            reach = result.reached_on
            params = _experience_params(req, index, cond, result)
            # the sentence's vocabulary: "category" = the category in which the
            # years are served (the previous step), "next_category" = the goal.
            params.update(extra, category=cond.category, next_category=req.category)
            reasons.append(Reason(req.item, "next_experience", result.ok, params))
        candidates.append((education_ok, reach, index, reasons))
    open_ = [c for c in candidates if c[0]]
    if not open_:
        return False, None, [r for c in candidates for r in c[3]]
    best = min(open_, key=lambda c: (c[1] is None, c[1] or date.max, c[2]))
    eligible_from = best[1]
    return eligible_from is not None and eligible_from <= on, eligible_from, best[3]


def evaluate(facts: EmployeeFacts, requirements: RequirementSet, on: date) -> Verdict:
    """The verdict for ``facts`` on date ``on`` (see the module docstring)."""
    periods = tuple(p for p in facts.periods if p.start < on)
    position, level = facts.position, facts.level
    ladder = requirements.ladder(position, level)
    category = (facts.category or "none") if ladder else facts.category
    reasons: list[Reason] = []

    req = requirements.for_post(position, level, category)
    if req is None:
        meets = False
        reasons.append(
            Reason(
                None,
                "no_requirement",
                False,
                {
                    "position": position,
                    "level": level,
                    "category": category,
                },
            )
        )
    else:
        meets, current_reasons = _current(req, facts, periods, on)
        reasons.extend(current_reasons)

    item = None if req is None else req.item
    post = {"position": position, "level": level, "category": category}
    next_category = requirements.next_category(position, level, category) if ladder else None
    if not ladder:
        reasons.append(Reason(item, "no_ladder", True, post))
        return Verdict(meets, None, False, None, tuple(reasons))
    if next_category is None:
        reasons.append(Reason(item, "top_of_ladder", True, {**post, "ladder": list(ladder)}))
        return Verdict(meets, None, False, None, tuple(reasons))

    next_req = requirements.for_post(position, level, next_category)
    assert next_req is not None  # the ladder is built from the requirements
    eligible, eligible_from, next_reasons = _next(next_req, category, facts, periods, on)
    reasons.extend(next_reasons)
    return Verdict(meets, next_category, eligible, eligible_from, tuple(reasons))
