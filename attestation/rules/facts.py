"""Facts about an employee and the qualification requirements, as plain values.

Order No. 580-НҚ (typical qualification characteristics of the posts of family
support centres) states, for each of the 12 posts, the qualification requirements
(items 6, 9, 12, ..., 39).  Here a requirement is data: a :class:`Requirement`
for a (position, level, category) holds alternatives, each a list of education
conditions and at most one experience condition.  The Django side builds these
from the catalogue and the employee records; nothing here touches the database.

Pure Python: standard library only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property

__all__ = [
    "CATEGORY_ORDER",
    "EDUCATION_LEVELS",
    "SECTORS",
    "EXPERIENCE_KINDS",
    "Education",
    "Period",
    "EmployeeFacts",
    "EducationCondition",
    "ExperienceCondition",
    "Alternative",
    "Requirement",
    "RequirementSet",
]

#: Categories from the lowest ("none" = санатсыз) to the top.
CATEGORY_ORDER = ("none", "second", "first", "highest")
_CATEGORY_RANK = {c: i for i, c in enumerate(CATEGORY_ORDER)}

#: Education levels, highest first (the order used in reasons' params).
EDUCATION_LEVELS = ("postgraduate", "higher", "tvet", "basic_secondary", "certificate")
_LEVEL_RANK = {lvl: i for i, lvl in enumerate(EDUCATION_LEVELS)}

#: Reading "education_levels_nest" (items 15, 24, 27, 30, 33, 36): the levels of general and vocational
#: education, lowest first; a requirement of one of them is also met by a higher one in an accepted field
#: (higher meets TVET, any of TVET/higher/postgraduate meets "негізгі орта білімі"). A certificate is not
#: a level of education and nests in nothing.
NESTED_LEVELS = ("basic_secondary", "tvet", "higher", "postgraduate")
_NEST_RANK = {lvl: i for i, lvl in enumerate(NESTED_LEVELS)}

SECTORS = ("social_protection", "employment", "education", "health", "law_enforcement", "other")

#: "sectors": periods whose sector is in ``sectors``; "managerial": managerial
#: periods; "profile": periods in the organisation's profile; "category": periods
#: in one of ``positions`` at the requirement's level in ``category``.
EXPERIENCE_KINDS = ("sectors", "managerial", "profile", "category")


@dataclass(frozen=True)
class Education:
    """One diploma or certificate.

    ``fields`` holds the diploma's field code AND all its ancestors in the field
    tree (the caller expands it: {"social_work", "social"}); empty if none.
    """

    level: str
    fields: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Period:
    """A period of work, inclusive [start, end]; ``end`` None = ongoing.

    ``position`` is a catalogue code, or "" for a post outside the catalogue;
    ``level``/``category`` as held in that period (None if not applicable);
    ``profile``: counts as experience in the organisation's profile.

    ``sector``, ``managerial`` and ``profile`` may be None: "not established"
    (reading "blank_flag_not_established"): only an explicit value counts.
    """

    start: date
    end: date | None
    sector: str | None
    position: str
    level: str | None
    category: str | None
    managerial: bool | None
    profile: bool | None


@dataclass(frozen=True)
class EmployeeFacts:
    """``position``/``level``/``category`` are the current assignment."""

    key: object
    position: str
    level: str | None
    category: str | None
    education: tuple[Education, ...]
    periods: tuple[Period, ...]


@dataclass(frozen=True)
class EducationCondition:
    """Satisfied by ONE :class:`Education` whose level is in ``levels`` (or
    above the lowest of them in NESTED_LEVELS: reading "education_levels_nest")
    and whose fields intersect ``fields`` (``fields`` empty = any field, even none).

    "Higher (or postgraduate)" is still written ``levels={"higher", "postgraduate"}``
    where the text says so; an education accepted only through the nesting is
    reported as resting on that reading (:meth:`nested`).
    """

    levels: frozenset[str]
    fields: frozenset[str] = frozenset()

    @cached_property
    def accepted_levels(self) -> frozenset[str]:
        nested = [_NEST_RANK[lvl] for lvl in self.levels if lvl in _NEST_RANK]
        if not nested:
            return self.levels
        return self.levels | frozenset(NESTED_LEVELS[min(nested) :])

    def satisfied_by(self, education: Iterable[Education]) -> Education | None:
        """The first education that satisfies this condition, one of the named levels preferred; or None."""
        found = None
        for e in education:
            if not self.fields or not self.fields.isdisjoint(e.fields):
                if e.level in self.levels:
                    return e
                if found is None and e.level in self.accepted_levels:
                    found = e
        return found

    def nested(self, matched: Education | None) -> bool:
        """True when ``matched`` meets this condition only through the nesting of levels."""
        return matched is not None and matched.level not in self.levels

    @cached_property
    def sorted_levels(self) -> tuple[str, ...]:
        # Cached: it is read for every verdict of the national report (a frozen dataclass keeps no other state).
        return tuple(sorted(self.levels, key=lambda lvl: (_LEVEL_RANK.get(lvl, len(_LEVEL_RANK)), lvl)))


@dataclass(frozen=True)
class ExperienceCondition:
    """At least ``years`` years of experience of a ``kind`` (see EXPERIENCE_KINDS).

    For "category", ``category`` is the previous step of the ladder and
    ``positions`` the position codes that count (empty = the requirement's own
    position); with ``same_level`` (reading "previous_category_same_post") the
    level must equal the requirement's level (a requirement with level None, e.g.
    the psychologist, or a position with one ladder, e.g. the case manager,
    accepts any level).  For "managerial" and "profile", a non-empty ``sectors``
    also restricts the sector; ``in_profile`` on "managerial" also requires the
    period to be in the organisation's profile (reading "managerial_by_profile",
    items 6 and 9: «бейіні бойынша ... басшылық лауазымдарда»).
    """

    years: int
    kind: str
    sectors: frozenset[str] = frozenset()
    category: str | None = None
    positions: frozenset[str] = frozenset()
    in_profile: bool = False
    same_level: bool = True


@dataclass(frozen=True)
class Alternative:
    """ALL education conditions AND the experience condition (if any)."""

    education: tuple[EducationCondition, ...]
    experience: ExperienceCondition | None = None


@dataclass(frozen=True)
class Requirement:
    """The requirements of item ``item`` for one post: ANY alternative.

    Positions without a ladder have ``level`` and ``category`` None.
    ``in_force_from``: the first day the order that gives it applies (reading
    "order_in_force"); None = not known, the requirement applies on any date.
    ``act``: that order's number, for the sentence.
    """

    position: str
    level: str | None
    category: str | None
    item: int
    alternatives: tuple[Alternative, ...]
    in_force_from: date | None = None
    act: str = "580-НҚ"


def _validate(req: Requirement) -> None:
    if req.category is not None and req.category not in _CATEGORY_RANK:
        raise ValueError(f"item {req.item}: unknown category {req.category!r}")
    if not req.alternatives:
        raise ValueError(f"item {req.item}: a requirement needs at least one alternative")
    for alt in req.alternatives:
        for cond in alt.education:
            unknown = set(cond.levels) - set(EDUCATION_LEVELS)
            if unknown or not cond.levels:
                raise ValueError(f"item {req.item}: bad education levels {sorted(cond.levels)}")
        exp = alt.experience
        if exp is None:
            continue
        if exp.kind not in EXPERIENCE_KINDS:
            raise ValueError(f"item {req.item}: unknown experience kind {exp.kind!r}")
        if exp.years < 0:
            raise ValueError(f"item {req.item}: negative years")
        if exp.kind == "category" and exp.category not in _CATEGORY_RANK:
            raise ValueError(f"item {req.item}: experience of kind 'category' needs a category")
        if exp.kind == "sectors" and not exp.sectors:
            raise ValueError(f"item {req.item}: experience of kind 'sectors' needs sectors")


class RequirementSet:
    """The requirements in force on a date, indexed once (build it once per request).

    Lookups are dict look-ups.  Raises ValueError on malformed data or on two
    requirements for the same (position, level, category).
    """

    def __init__(self, requirements: Iterable[Requirement]) -> None:
        self._by_key: dict[tuple[str, str | None, str | None], Requirement] = {}
        ladders: dict[tuple[str, str | None], set[str]] = {}
        for req in requirements:
            _validate(req)
            key = (req.position, req.level, req.category)
            if key in self._by_key:
                raise ValueError(f"two requirements for {key} (items {self._by_key[key].item} and {req.item})")
            self._by_key[key] = req
            if req.category is not None:
                ladders.setdefault((req.position, req.level), set()).add(req.category)
        self._ladders: dict[tuple[str, str | None], tuple[str, ...]] = {
            key: tuple(c for c in CATEGORY_ORDER if c in cats) for key, cats in ladders.items()
        }
        self._ladder_positions = frozenset(position for position, _ in self._ladders)
        # Reading "case_manager_one_ladder" (item 36): a position whose only ladder is stored under one named
        # level has that one ladder, whatever level a record gives ("жоғары деңгейлі біліктілік маманы").
        levels_of: dict[str, set[str | None]] = {}
        for position, level in self._ladders:
            levels_of.setdefault(position, set()).add(level)
        self._one_ladder: dict[str, str] = {
            position: next(iter(levels))
            for position, levels in levels_of.items()
            if len(levels) == 1 and None not in levels
        }

    def __iter__(self):
        return iter(self._by_key.values())

    def __len__(self) -> int:
        return len(self._by_key)

    def has_ladder(self, position: str) -> bool:
        return position in self._ladder_positions

    def one_ladder_level(self, position: str) -> str | None:
        """The level of a position that has ONE ladder stored under a named level (item 36), else None."""
        return self._one_ladder.get(position)

    def _ladder_level(self, position: str, level: str | None) -> str | None:
        """The level under which (position, level)'s ladder is stored: ``level``
        itself, the one level of a one-ladder position, else None (a ladder
        without levels, like the psychologist's)."""
        if (position, level) in self._ladders:
            return level
        return self._one_ladder.get(position)

    def for_post(self, position: str, level: str | None, category: str | None) -> Requirement | None:
        """The requirement for a post.

        On a ladder position a category None means "none"; a ladder stored with
        level None (psychologist), or the one ladder of a position (case manager,
        item 36), serves every level.  Positions without a ladder
        are found ignoring level and category.
        """
        if position in self._ladder_positions:
            req = self._by_key.get((position, self._ladder_level(position, level), category or "none"))
            if req is not None:
                return req
        return self._by_key.get((position, None, None))

    def ladder(self, position: str, level: str | None) -> tuple[str, ...]:
        """The categories present for (position, level), in CATEGORY_ORDER; ()
        when the position has no ladder (or none at that level)."""
        return self._ladders.get((position, self._ladder_level(position, level)), ())

    def next_category(self, position: str, level: str | None, category: str | None) -> str | None:
        """The next category on the ladder above ``category`` (None = "none"); None
        at the top or with no ladder.  One step at a time: a category missing
        from the data is skipped, never a present one."""
        rank = _CATEGORY_RANK.get(category or "none")
        if rank is None:
            return None
        for cat in self.ladder(position, level):
            if _CATEGORY_RANK[cat] > rank:
                return cat
        return None
