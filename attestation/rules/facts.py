"""Facts about an employee and the qualification requirements, as plain values.

Order No. 580-НҚ (typical qualification characteristics of the posts of family
support centres) states, for each of the 12 posts, the qualification requirements
(items 6, 9, 12, ..., 39).  Here a requirement is data: a :class:`Requirement`
for a (position, level, category) holds alternatives, each a list of education
conditions and at most one experience condition.  The Django side builds these
from the catalogue and the employee records; nothing here touches the database.

Pure Python: the standard library, the codes of positions.vocabulary and staffing.experience's Duration only. The requirement rows are checked
against the one schema (positions.schema) before they get here: a row that fails it arrives as a
:class:`Requirement` with ``invalid`` set and no alternatives, and the engine says so instead of deciding.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import NamedTuple

from positions.vocabulary import CATEGORY_CODES, EDUCATION_LEVEL_CODES, NESTED_EDUCATION_LEVEL_CODES
from staffing.experience import Duration

__all__ = [
    "Education",
    "Period",
    "EmployeeFacts",
    "EducationCondition",
    "ExperienceCondition",
    "Alternative",
    "Requirement",
    "RequirementSet",
    "alternatives_from_data",
]

_CATEGORY_RANK = {c: i for i, c in enumerate(CATEGORY_CODES)}
_LEVEL_RANK = {lvl: i for i, lvl in enumerate(EDUCATION_LEVEL_CODES)}
# Reading "education_levels_nest": see positions.vocabulary.NESTED_EDUCATION_LEVEL_CODES.
_NEST_RANK = {lvl: i for i, lvl in enumerate(NESTED_EDUCATION_LEVEL_CODES)}


@dataclass(frozen=True)
class Education:
    """One diploma or certificate.

    ``fields`` holds the diploma's field code AND all its ancestors in the field
    tree (the caller expands it: {"social_work", "social"}); empty if none.
    """

    level: str
    fields: frozenset[str] = frozenset()


class Period(NamedTuple):
    """A period of work, inclusive [start, end]; ``end`` None = ongoing.

    ``position`` is a catalogue code, or "" for a post outside the catalogue;
    ``level``/``category`` as held in that period (None if not applicable);
    ``profile``: counts as experience in the organisation's profile.

    ``sector``, ``managerial`` and ``profile`` may be None: "not established"
    (reading "blank_flag_not_established"): only an explicit value counts.

    A named tuple rather than a dataclass: the national report builds one for
    every work period in the country, and a tuple is made several times faster.
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
    above the lowest of them in NESTED_EDUCATION_LEVEL_CODES: reading "education_levels_nest")
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
        return self.levels | frozenset(NESTED_EDUCATION_LEVEL_CODES[min(nested) :])

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
    """At least ``years`` years of experience of a ``kind`` (positions.vocabulary.EXPERIENCE_KINDS).

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

    @cached_property
    def required(self) -> Duration:
        return Duration.of_years(self.years)


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
    ``invalid``: the row failed the schema when it was read; it keeps its place on
    the ladder but has no alternatives, and every verdict that needs it says so.
    """

    position: str
    level: str | None
    category: str | None
    item: int
    alternatives: tuple[Alternative, ...]
    in_force_from: date | None = None
    act: str = "580-НҚ"
    invalid: bool = False


def alternatives_from_data(data: list[dict]) -> tuple[Alternative, ...]:
    """``Requirement.alternatives`` values that meet the schema (positions.schema) as the engine's dataclasses."""
    alternatives = []
    for alternative in data:
        experience = alternative.get("experience")
        condition = None
        if experience:
            condition = ExperienceCondition(
                years=experience["years"],
                kind=experience["kind"],
                sectors=frozenset(experience.get("sectors") or ()),
                category=experience.get("category"),
                # empty: the requirement's own position (see ExperienceCondition)
                positions=frozenset(experience.get("positions") or ()),
                # readings "managerial_by_profile" (items 6, 9) and "previous_category_same_post" (15, 18, 21, 36)
                in_profile=experience.get("in_profile", False),
                same_level=experience.get("same_level", True),
            )
        education = tuple(
            EducationCondition(levels=frozenset(c["levels"]), fields=frozenset(c.get("fields") or ()))
            for c in alternative["education"]
        )
        alternatives.append(Alternative(education=education, experience=condition))
    return tuple(alternatives)


class RequirementSet:
    """The requirements in force on a date, indexed once (build it once per request).

    Lookups are dict look-ups.  Raises ValueError on two requirements for the
    same (position, level, category) (the database forbids overlapping versions).
    """

    def __init__(self, requirements: Iterable[Requirement]) -> None:
        self._by_key: dict[tuple[str, str | None, str | None], Requirement] = {}
        ladders: dict[tuple[str, str | None], set[str]] = {}
        for req in requirements:
            key = (req.position, req.level, req.category)
            if key in self._by_key:
                raise ValueError(f"two requirements for {key} (items {self._by_key[key].item} and {req.item})")
            self._by_key[key] = req
            if req.category is not None:
                ladders.setdefault((req.position, req.level), set()).add(req.category)
        self._ladders: dict[tuple[str, str | None], tuple[str, ...]] = {
            key: tuple(c for c in CATEGORY_CODES if c in cats) for key, cats in ladders.items()
        }
        self._ladder_positions = frozenset(position for position, _ in self._ladders)
        # Reading "case_manager_one_ladder" (item 36): a position whose only ladder is stored under one named
        # level has that one ladder, whatever level a record gives ("жоғары деңгейлі біліктілік маманы").
        levels_of: dict[str, set[str | None]] = {}
        for position, level in self._ladders:
            levels_of.setdefault(position, set()).add(level)
        self._one_ladder: dict[str, str] = {
            position: level
            for position, levels in levels_of.items()
            if len(levels) == 1
            for level in levels
            if level is not None
        }

    def __iter__(self) -> Iterator[Requirement]:
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
        """The categories present for (position, level), in CATEGORY_CODES order; ()
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
