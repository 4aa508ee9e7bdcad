"""The eligibility engine (attestation.rules): facts in, verdict out.

The requirements are written out by hand below, mirroring the qualification-requirement
items of order No. 580-НҚ (items 6, 9, 12, 15, 18, 21, 27, 33, 36, 39).  The same table
also runs against the shipped catalogue (positions/data/catalogue.py, converted by
``from_catalogue``): a catalogue that does not import or convert fails these tests.

Dates are dd.mm.yyyy.  A reminder of the experience rule (staffing.experience): days
before D count; one continuous span is its calendar difference, not normalised, so N
years are reached on the calendar anniversary (1 year from 01.01.2025 on 01.01.2026,
01.01-30.12.2025 being 11 months 30 days; 3 years from 01.02.2024 on 01.02.2027);
only separate spans are summed with 30 days = 1 month.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date

import pytest

from attestation.rules import (
    Alternative,
    Education,
    EducationCondition,
    EmployeeFacts,
    ExperienceCondition,
    Period,
    Reason,
    Requirement,
    RequirementSet,
    Verdict,
    alternatives_from_data,
    evaluate,
)
from positions.data import catalogue
from positions.vocabulary import CATEGORY_CODES, ORDER_SECTOR_CODES


def d(text: str) -> date:
    day, month, year = map(int, text.split("."))
    return date(year, month, day)


# --- the requirements, by hand ------------------------------------------------------

HIGHER = ("higher", "postgraduate")  # "жоғары (немесе жоғары оқу орнынан кейінгі)"
SECTORS5 = ORDER_SECTOR_CODES  # the sectors the order names (items 6, 9, 12, ...)


def edu(levels, *fields) -> EducationCondition:
    return EducationCondition(frozenset([levels] if isinstance(levels, str) else levels), frozenset(fields))


def exp(years, kind, *, sectors=(), category=None, positions=(), in_profile=False, same_level=True):
    return ExperienceCondition(
        years, kind, frozenset(sectors), category, frozenset(positions), in_profile=in_profile, same_level=same_level
    )


def ladder(position, item, level, education, years, *, categories=CATEGORY_CODES, none_extra=()):
    """One Requirement per category; step k needs years[k-1] in the previous category."""
    reqs = []
    for k, category in enumerate(categories):
        experience = None if k == 0 else exp(years[k - 1], "category", category=categories[k - 1], positions=[position])
        alternatives = (Alternative((education,), experience),)
        if k == 0:
            alternatives += tuple(none_extra)
        reqs.append(Requirement(position, level, category, item, alternatives))
    return reqs


# items 6, 9, 12 "әлеуметтік": the social sciences group, psychology included (reading psychology_social_sciences)
HEADS_EDU = edu(HIGHER, "social_sciences", "pedagogy", "law", "economics", "humanities")
SPEC_EDU = ("law", "economics", "pedagogy", "social", "humanities")  # items 27, 33
CASE_FIELDS = (
    "social_work",
    "preschool_education",
    "primary_education",
    "vocational_training",
    "nursing",
    "physical_education_sport",
)

HAND = [
    # item 6: higher (social, pedagogy, law, economics, humanities) and 3 years in the sectors
    # OR 2 years in managerial posts
    Requirement(
        "director",
        None,
        None,
        6,
        (
            Alternative((HEADS_EDU,), exp(3, "sectors", sectors=SECTORS5)),
            # "бейіні бойынша ... басшылық лауазымдарда": managerial AND in the profile (reading 1)
            Alternative((HEADS_EDU,), exp(2, "managerial", in_profile=True)),
        ),
    ),
    # item 9: the same, 3 years in the sectors OR 1 year managerial
    Requirement(
        "deputy_director",
        None,
        None,
        9,
        (
            Alternative((HEADS_EDU,), exp(3, "sectors", sectors=SECTORS5)),
            Alternative((HEADS_EDU,), exp(1, "managerial", in_profile=True)),
        ),
    ),
    # item 12: 2 years in the sectors
    Requirement("unit_head", None, None, 12, (Alternative((HEADS_EDU,), exp(2, "sectors", sectors=SECTORS5)),)),
    # item 15, high level: higher (social, psychological, pedagogical, medical); 1, 1, 2 years
    *ladder("social_worker", 15, "high", edu(HIGHER, "social", "psychology", "pedagogy", "medicine"), (1, 1, 2)),
    # item 15, medium level: TVET (+ economic); "none" also basic secondary + social certificate
    *ladder(
        "social_worker",
        15,
        "medium",
        edu("tvet", "social", "economics", "psychology", "pedagogy", "medicine"),
        (1, 1, 2),
        none_extra=[Alternative((edu("basic_secondary"), edu("certificate", "social")), None)],
    ),
    # item 18: high: higher (social, pedagogical, medical), medium: TVET; 1, 2, 3 years
    *ladder("social_work_specialist", 18, "high", edu(HIGHER, "social", "pedagogy", "medicine"), (1, 2, 3)),
    *ladder("social_work_specialist", 18, "medium", edu("tvet", "social", "pedagogy", "medicine"), (1, 2, 3)),
    # item 21: no levels; санатсыз -> II -> I; 3 then 2 years; psychology
    *ladder("psychologist", 21, None, edu(HIGHER, "psychology"), (3, 2), categories=("none", "second", "first")),
    # item 27 (and 33): TVET (...) and 1 year by the organisation's profile OR higher (...)
    Requirement(
        "analytics_specialist",
        None,
        None,
        27,
        (
            Alternative((edu("tvet", *SPEC_EDU),), exp(1, "profile")),
            Alternative((edu(HIGHER, *SPEC_EDU),), None),
        ),
    ),
    Requirement(
        "prevention_specialist",
        None,
        None,
        33,
        (
            Alternative((edu("tvet", *SPEC_EDU),), exp(1, "profile")),
            Alternative((edu(HIGHER, *SPEC_EDU),), None),
        ),
    ),
    # item 36: high level only; higher in the listed fields; 1, 2, 3 years
    *ladder("case_manager", 36, "high", edu(HIGHER, *CASE_FIELDS), (1, 2, 3)),
    # item 39: higher (law) and 1 year by the organisation's profile
    Requirement("lawyer", None, None, 39, (Alternative((edu(HIGHER, "law"),), exp(1, "profile")),)),
]


# --- the shipped catalogue ----------------------------------------------------------------


def from_catalogue(rows) -> list[Requirement]:
    """positions/data/catalogue.py REQUIREMENTS dicts -> Requirement objects, as the selector converts rows."""
    return [
        Requirement(
            row["position"], row["level"], row["category"], row["item"], alternatives_from_data(row["alternatives"])
        )
        for row in rows
    ]


CATALOGUE = from_catalogue(catalogue.REQUIREMENTS)
HAND_SET = RequirementSet(HAND)
SOURCES = [pytest.param(HAND_SET, id="hand"), pytest.param(RequirementSet(CATALOGUE), id="catalogue")]


# --- facts -------------------------------------------------------------------------------

# the field tree (child -> parent), as the selector expands a diploma's field
PARENT = {
    "social": "social_sciences",
    "psychology": "social_sciences",
    "social_work": "social",
    "preschool_education": "pedagogy",
    "primary_education": "pedagogy",
    "vocational_training": "pedagogy",
    "physical_education_sport": "pedagogy",
    "nursing": "medicine",
}


def diploma(level: str, field_code: str | None = None) -> Education:
    fields = set()
    while field_code:
        fields.add(field_code)
        field_code = PARENT.get(field_code)
    return Education(level, frozenset(fields))


def period(
    dates: str, position="", level=None, category=None, *, sector="social_protection", managerial=False, profile=False
) -> Period:
    start, _, end = dates.partition("-")
    return Period(d(start), d(end) if end else None, sector, position, level, category, managerial, profile)


def facts(position, level, category, education=(), periods=()) -> EmployeeFacts:
    return EmployeeFacts(
        key=1, position=position, level=level, category=category, education=tuple(education), periods=tuple(periods)
    )


def here(dates, position, level, category, **kw) -> Period:
    """A period in the post itself (in this centre's profile)."""
    return period(dates, position, level, category, profile=True, **kw)


@dataclass
class Case:
    id: str
    facts: EmployeeFacts
    on: str
    meets: bool
    next: str | None
    eligible: bool
    eligible_from: str | None
    codes: tuple[str, ...] | None = None
    extra: dict = field(default_factory=dict)


SW_HIGH_EDU = [diploma("higher", "social_work")]
SW_MED_EDU = [diploma("tvet", "social_work")]
SWS = "social_work_specialist"

CASES = [
    # ---- item 15, social_worker, high level: every step --------------------------------
    Case(
        "item 15 high: none 01.03.2025- on 25.11.2025 -> second from 01.03.2026",
        facts("social_worker", "high", "none", SW_HIGH_EDU, [here("01.03.2025-", "social_worker", "high", "none")]),
        "25.11.2025",
        True,
        "second",
        False,
        "01.03.2026",
        codes=("education", "next_education", "next_experience"),
    ),
    Case(
        "item 15 high: none 01.03.2025- on 01.03.2026 -> second, eligible",
        facts("social_worker", "high", "none", SW_HIGH_EDU, [here("01.03.2025-", "social_worker", "high", "none")]),
        "01.03.2026",
        True,
        "second",
        True,
        "01.03.2026",
    ),
    Case(
        "item 15 high: second since 01.03.2026, on 25.11.2026 -> first from 01.03.2027",
        facts(
            "social_worker",
            "high",
            "second",
            SW_HIGH_EDU,
            [
                here("01.03.2025-28.02.2026", "social_worker", "high", "none"),
                here("01.03.2026-", "social_worker", "high", "second"),
            ],
        ),
        "25.11.2026",
        True,
        "first",
        False,
        "01.03.2027",
    ),
    Case(
        "item 15 high: first since 01.05.2023, 2 years -> highest from 01.05.2025",
        facts("social_worker", "high", "first", SW_HIGH_EDU, [here("01.05.2023-", "social_worker", "high", "first")]),
        "25.11.2026",
        True,
        "highest",
        True,
        "01.05.2025",
    ),
    Case(
        "item 15 high: first since 01.05.2025 on 30.04.2027 -> highest not yet (1y 11m 29d)",
        facts("social_worker", "high", "first", SW_HIGH_EDU, [here("01.05.2025-", "social_worker", "high", "first")]),
        "30.04.2027",
        True,
        "highest",
        False,
        "01.05.2027",
    ),
    Case(
        "item 15 high: highest = top of ladder",
        facts(
            "social_worker", "high", "highest", SW_HIGH_EDU, [here("01.05.2020-", "social_worker", "high", "highest")]
        ),
        "25.11.2026",
        True,
        None,
        False,
        None,
        codes=("education", "top_of_ladder"),
    ),
    Case(
        "item 15 high: category None on a ladder is 'none'",
        facts("social_worker", "high", None, SW_HIGH_EDU, [here("01.03.2025-", "social_worker", "high", None)]),
        "01.03.2026",
        True,
        "second",
        True,
        "01.03.2026",
    ),
    Case(
        "item 15 high: TVET does not meet the high level (education blocks the step)",
        facts("social_worker", "high", "none", SW_MED_EDU, [here("01.03.2020-", "social_worker", "high", "none")]),
        "25.11.2026",
        False,
        "second",
        False,
        None,
        codes=("education", "next_education", "next_experience"),
    ),
    Case(
        "item 15 high: economics is not a field of the high level",
        facts("social_worker", "high", "none", [diploma("higher", "economics")]),
        "25.11.2026",
        False,
        "second",
        False,
        None,
    ),
    Case(
        "item 15 high: field descendant - social_work diploma satisfies 'social'",
        facts("social_worker", "high", "none", [Education("higher", frozenset({"social_work", "social"}))]),
        "25.11.2026",
        True,
        "second",
        False,
        None,
    ),
    Case(
        "item 15 high: postgraduate satisfies 'higher (or postgraduate)'",
        facts("social_worker", "high", "none", [diploma("postgraduate", "pedagogy")]),
        "25.11.2026",
        True,
        "second",
        False,
        None,
    ),
    # ---- item 15, social_worker, medium level -------------------------------------------
    Case(
        "item 15 medium: none -> second, 1 year, from 01.10.2025",
        facts("social_worker", "medium", "none", SW_MED_EDU, [here("01.10.2024-", "social_worker", "medium", "none")]),
        "25.11.2025",
        True,
        "second",
        True,
        "01.10.2025",
    ),
    Case(
        "item 15 medium: second -> first, 1 year, from 01.12.2026",
        facts(
            "social_worker", "medium", "second", SW_MED_EDU, [here("01.12.2025-", "social_worker", "medium", "second")]
        ),
        "25.11.2026",
        True,
        "first",
        False,
        "01.12.2026",
    ),
    Case(
        "item 15 medium: first -> highest, 2 years, from 01.07.2026",
        facts(
            "social_worker", "medium", "first", SW_MED_EDU, [here("01.07.2024-", "social_worker", "medium", "first")]
        ),
        "25.11.2026",
        True,
        "highest",
        True,
        "01.07.2026",
    ),
    Case(
        "item 15 medium: TVET economics meets (economic field is listed for medium)",
        facts("social_worker", "medium", "none", [diploma("tvet", "economics")]),
        "25.11.2026",
        True,
        "second",
        False,
        None,
    ),
    Case(
        "item 15 medium: basic secondary + social certificate meets 'none'",
        facts("social_worker", "medium", "none", [diploma("basic_secondary"), diploma("certificate", "social")]),
        "25.11.2026",
        True,
        "second",
        False,
        None,
        codes=("education", "education", "next_education", "next_experience"),
    ),
    Case(
        "item 15 medium: basic secondary alone does not meet 'none'",
        facts("social_worker", "medium", "none", [diploma("basic_secondary")]),
        "25.11.2026",
        False,
        "second",
        False,
        None,
        codes=("education", "education", "education", "next_education", "next_experience"),
    ),
    Case(
        "item 15 medium: certificate alone does not meet 'none'",
        facts("social_worker", "medium", "none", [diploma("certificate", "social")]),
        "25.11.2026",
        False,
        "second",
        False,
        None,
    ),
    Case(
        "item 15 medium: basic secondary + certificate does not reach 'second' (TVET needed)",
        facts(
            "social_worker",
            "medium",
            "none",
            [diploma("basic_secondary"), diploma("certificate", "social")],
            [here("01.01.2020-", "social_worker", "medium", "none")],
        ),
        "25.11.2026",
        True,
        "second",
        False,
        None,
    ),
    Case(
        "item 15: the medium ladder does not count high-level years",
        facts(
            "social_worker",
            "medium",
            "none",
            SW_MED_EDU + SW_HIGH_EDU,
            [
                period("01.03.2022-28.02.2025", "social_worker", "high", "none"),
                here("01.03.2025-", "social_worker", "medium", "none"),
            ],
        ),
        "25.11.2025",
        True,
        "second",
        False,
        "01.03.2026",
    ),
    # ---- item 18, social_work_specialist: both levels -----------------------------------
    Case(
        "item 18 high: none -> second, 1 year",
        facts(SWS, "high", "none", SW_HIGH_EDU, [here("01.03.2025-", SWS, "high", "none")]),
        "25.11.2026",
        True,
        "second",
        True,
        "01.03.2026",
    ),
    Case(
        "item 18 high: second -> first, 2 years",
        facts(SWS, "high", "second", SW_HIGH_EDU, [here("01.03.2025-", SWS, "high", "second")]),
        "25.11.2026",
        True,
        "first",
        False,
        "01.03.2027",
    ),
    Case(
        "item 18 high: first -> highest, 3 years",
        facts(SWS, "high", "first", SW_HIGH_EDU, [here("01.03.2023-", SWS, "high", "first")]),
        "25.11.2026",
        True,
        "highest",
        True,
        "01.03.2026",
    ),
    Case(
        "item 18 high: psychology is not a field of item 18",
        facts(SWS, "high", "none", [diploma("higher", "psychology")]),
        "25.11.2026",
        False,
        "second",
        False,
        None,
    ),
    Case(
        "item 18 high: highest = top", facts(SWS, "high", "highest", SW_HIGH_EDU), "25.11.2026", True, None, False, None
    ),
    Case(
        "item 18 medium: none -> second, 1 year",
        facts(SWS, "medium", "none", SW_MED_EDU, [here("01.03.2026-", SWS, "medium", "none")]),
        "25.11.2026",
        True,
        "second",
        False,
        "01.03.2027",
    ),
    Case(
        "item 18 medium: second -> first, 2 years",
        facts(SWS, "medium", "second", SW_MED_EDU, [here("01.10.2024-", SWS, "medium", "second")]),
        "25.11.2026",
        True,
        "first",
        True,
        "01.10.2026",
    ),
    Case(
        "item 18 medium: first -> highest, 3 years",
        facts(SWS, "medium", "first", SW_MED_EDU, [here("01.10.2024-", SWS, "medium", "first")]),
        "25.11.2026",
        True,
        "highest",
        False,
        "01.10.2027",
    ),
    # ---- item 21, psychologist -------------------------------------------------------------
    Case(
        "item 21: none -> II needs 3 years: from 01.03.2027",
        facts(
            "psychologist",
            None,
            "none",
            [diploma("higher", "psychology")],
            [here("01.03.2024-", "psychologist", None, "none")],
        ),
        "01.12.2026",
        True,
        "second",
        False,
        "01.03.2027",
    ),
    Case(
        "item 21: II -> I needs 2 years: from 01.03.2026",
        facts(
            "psychologist",
            None,
            "second",
            [diploma("higher", "psychology")],
            [
                here("01.03.2020-28.02.2024", "psychologist", None, "none"),
                here("01.03.2024-", "psychologist", None, "second"),
            ],
        ),
        "01.12.2026",
        True,
        "first",
        True,
        "01.03.2026",
    ),
    Case(
        "item 21: I is the top (no highest for psychologists)",
        facts("psychologist", None, "first", [diploma("higher", "psychology")]),
        "01.12.2026",
        True,
        None,
        False,
        None,
        codes=("education", "top_of_ladder"),
    ),
    Case(
        "item 21: 'highest' does not exist for a psychologist (reading category_outside_ladder)",
        facts("psychologist", None, "highest", [diploma("higher", "psychology")]),
        "01.12.2026",
        False,
        None,
        False,
        None,
        codes=("category_not_in_ladder",),
    ),
    Case(
        "item 21: postgraduate psychology satisfies 'higher (or postgraduate)'",
        facts("psychologist", None, "none", [diploma("postgraduate", "psychology")]),
        "01.12.2026",
        True,
        "second",
        False,
        None,
    ),
    Case(
        "item 21: a pedagogy degree does not meet item 21",
        facts("psychologist", None, "none", [diploma("higher", "pedagogy")]),
        "01.12.2026",
        False,
        "second",
        False,
        None,
    ),
    Case(
        "item 21: a level recorded for a psychologist is ignored",
        facts(
            "psychologist",
            "high",
            "none",
            [diploma("higher", "psychology")],
            [here("01.03.2023-", "psychologist", "high", "none")],
        ),
        "01.12.2026",
        True,
        "second",
        True,
        "01.03.2026",
    ),
    Case(
        "item 21: start on 29.02.2024 -> 3 years reached on 28.02.2027",
        facts(
            "psychologist",
            None,
            "none",
            [diploma("higher", "psychology")],
            [here("29.02.2024-", "psychologist", None, "none")],
        ),
        "27.02.2027",
        True,
        "second",
        False,
        "28.02.2027",
    ),
    Case(
        "item 21: start on 29.02.2024 -> eligible on 28.02.2027",
        facts(
            "psychologist",
            None,
            "none",
            [diploma("higher", "psychology")],
            [here("29.02.2024-", "psychologist", None, "none")],
        ),
        "28.02.2027",
        True,
        "second",
        True,
        "28.02.2027",
    ),
    Case(
        "item 21: none since 01.02.2024 -> 3 years on 01.02.2027 (calendar anniversary), not on 31.01.2027",
        facts(
            "psychologist",
            None,
            "none",
            [diploma("higher", "psychology")],
            [here("01.02.2024-", "psychologist", None, "none")],
        ),
        "31.01.2027",
        True,
        "second",
        False,
        "01.02.2027",
    ),
    Case(
        "item 21: none since 01.02.2024 -> eligible on 01.02.2027",
        facts(
            "psychologist",
            None,
            "none",
            [diploma("higher", "psychology")],
            [here("01.02.2024-", "psychologist", None, "none")],
        ),
        "01.02.2027",
        True,
        "second",
        True,
        "01.02.2027",
    ),
    # ---- item 36, case_manager ------------------------------------------------------------
    Case(
        "item 36: a law degree does NOT meet item 36",
        facts("case_manager", "high", "none", [diploma("higher", "law")]),
        "25.11.2026",
        False,
        "second",
        False,
        None,
    ),
    Case(
        "item 36: a social_work degree meets item 36",
        facts("case_manager", "high", "none", [diploma("higher", "social_work")]),
        "25.11.2026",
        True,
        "second",
        False,
        None,
    ),
    Case(
        "item 36: a general 'social' degree does not (only social work is listed)",
        facts("case_manager", "high", "none", [diploma("higher", "social")]),
        "25.11.2026",
        False,
        "second",
        False,
        None,
    ),
    Case(
        "item 36: nursing (a child of medicine) meets, general medicine does not",
        facts("case_manager", "high", "none", [diploma("higher", "medicine"), diploma("higher", "nursing")]),
        "25.11.2026",
        True,
        "second",
        False,
        None,
    ),
    Case(
        "item 36: TVET social work does not meet (higher required)",
        facts("case_manager", "high", "none", [diploma("tvet", "social_work")]),
        "25.11.2026",
        False,
        "second",
        False,
        None,
    ),
    Case(
        "item 36: none -> second 1 year, second -> first 2 years",
        facts(
            "case_manager",
            "high",
            "second",
            [diploma("higher", "primary_education")],
            [
                here("01.03.2024-28.02.2025", "case_manager", "high", "none"),
                here("01.03.2025-", "case_manager", "high", "second"),
            ],
        ),
        "25.11.2026",
        True,
        "first",
        False,
        "01.03.2027",
    ),
    Case(
        "item 36: first -> highest 3 years",
        facts(
            "case_manager",
            "high",
            "first",
            [diploma("higher", "vocational_training")],
            [here("01.03.2022-", "case_manager", "high", "first")],
        ),
        "25.11.2026",
        True,
        "highest",
        True,
        "01.03.2025",
    ),
    # ---- items 6, 9, 12: heads ------------------------------------------------------------
    Case(
        "item 6: director, law degree + 3 years in social protection",
        facts(
            "director",
            None,
            None,
            [diploma("higher", "law")],
            [period("01.03.2020-28.02.2023", sector="social_protection")],
        ),
        "25.11.2026",
        True,
        None,
        False,
        None,
        codes=("education", "experience", "no_ladder"),
    ),
    Case(
        "item 6: director, 2 years in health + 1 year in education add up to 3",
        facts(
            "director",
            None,
            None,
            [diploma("higher", "economics")],
            [period("01.03.2020-28.02.2022", sector="health"), period("01.03.2023-29.02.2024", sector="education")],
        ),
        "25.11.2026",
        True,
        None,
        False,
        None,
    ),
    Case(
        "item 6: director, 2 years in sectors only -> not met (both alternatives reported)",
        facts(
            "director", None, None, [diploma("higher", "economics")], [period("01.03.2020-28.02.2022", sector="health")]
        ),
        "25.11.2026",
        False,
        None,
        False,
        None,
        codes=("education", "experience", "education", "experience", "no_ladder"),
    ),
    Case(
        "item 6: director, 1 year sectors + 2 years managerial elsewhere -> met by the 2nd alternative",
        facts(
            "director",
            None,
            None,
            [diploma("higher", "humanities")],
            [
                period("01.03.2019-28.02.2020", sector="education"),
                period("01.03.2021-28.02.2023", sector="other", managerial=True, profile=True),
            ],
        ),
        "25.11.2026",
        True,
        None,
        False,
        None,
        codes=("education", "experience", "no_ladder"),
        extra={"experience_kind": "managerial"},
    ),
    Case(
        "item 6: director, 1 year managerial is not enough",
        facts(
            "director",
            None,
            None,
            [diploma("higher", "humanities")],
            [period("01.03.2022-28.02.2023", sector="other", managerial=True, profile=True)],
        ),
        "25.11.2026",
        False,
        None,
        False,
        None,
    ),
    Case(
        "item 6: director, 3 years in 'other' sector does not count",
        facts("director", None, None, [diploma("higher", "law")], [period("01.03.2020-28.02.2023", sector="other")]),
        "25.11.2026",
        False,
        None,
        False,
        None,
    ),
    Case(
        "item 6: director, right experience but medical degree",
        facts(
            "director",
            None,
            None,
            [diploma("higher", "medicine")],
            [period("01.03.2015-", sector="health", managerial=True, profile=True)],
        ),
        "25.11.2026",
        False,
        None,
        False,
        None,
    ),
    Case(
        "item 9: deputy, 1 year managerial is enough",
        facts(
            "deputy_director",
            None,
            None,
            [diploma("postgraduate", "social_work")],
            [period("01.03.2022-28.02.2023", sector="other", managerial=True, profile=True)],
        ),
        "25.11.2026",
        True,
        None,
        False,
        None,
    ),
    Case(
        "item 9: deputy, 2y 11m in sectors, 0 managerial -> not yet",
        facts(
            "deputy_director", None, None, [diploma("higher", "pedagogy")], [period("01.01.2024-", sector="employment")]
        ),
        "01.12.2026",
        False,
        None,
        False,
        None,
    ),
    Case(
        "item 12: unit head, 01.03.2018-29.02.2020 in law enforcement = 2 years",
        facts(
            "unit_head",
            None,
            None,
            [diploma("higher", "law")],
            [period("01.03.2018-29.02.2020", sector="law_enforcement")],
        ),
        "25.11.2026",
        True,
        None,
        False,
        None,
    ),
    Case(
        "item 12: unit head, 01.03.2018-28.02.2020 misses 29.02.2020: 1y 11m 28d",
        facts(
            "unit_head",
            None,
            None,
            [diploma("higher", "law")],
            [period("01.03.2018-28.02.2020", sector="law_enforcement")],
        ),
        "25.11.2026",
        False,
        None,
        False,
        None,
    ),
    Case(
        "item 12: periods starting on or after D are ignored",
        facts(
            "unit_head",
            None,
            None,
            [diploma("higher", "law")],
            [period("01.03.2024-28.02.2025", sector="health"), period("25.11.2026-", sector="health")],
        ),
        "25.11.2026",
        False,
        None,
        False,
        None,
    ),
    # ---- items 27, 33, 39: no ladder --------------------------------------------------------
    Case(
        "item 27: TVET economics + 6 months by profile -> not met",
        facts(
            "analytics_specialist", None, None, [diploma("tvet", "economics")], [period("01.05.2026-", profile=True)]
        ),
        "01.11.2026",
        False,
        None,
        False,
        None,
    ),
    Case(
        "item 27: TVET economics + 1 year by profile -> met",
        facts(
            "analytics_specialist", None, None, [diploma("tvet", "economics")], [period("01.11.2025-", profile=True)]
        ),
        "01.11.2026",
        True,
        None,
        False,
        None,
    ),
    Case(
        "item 27: higher economics, no experience needed",
        facts("analytics_specialist", None, None, [diploma("higher", "economics")]),
        "01.11.2026",
        True,
        None,
        False,
        None,
        codes=("education", "no_ladder"),
    ),
    Case(
        "item 33: TVET law, 1 year NOT by profile -> not met",
        facts(
            "prevention_specialist",
            None,
            None,
            [diploma("tvet", "law")],
            [period("01.11.2020-31.10.2025", profile=False)],
        ),
        "01.11.2026",
        False,
        None,
        False,
        None,
    ),
    Case(
        "item 39: lawyer, law + 1 year by profile",
        facts("lawyer", None, None, [diploma("higher", "law")], [period("01.03.2025-28.02.2026", profile=True)]),
        "25.11.2026",
        True,
        None,
        False,
        None,
    ),
    Case(
        "item 39: lawyer, a category on a post without ladder is ignored",
        facts("lawyer", "high", "first", [diploma("higher", "law")], [period("01.03.2025-28.02.2026", profile=True)]),
        "25.11.2026",
        True,
        None,
        False,
        None,
    ),
    # ---- several periods, gaps, other organisations -----------------------------------------
    Case(
        "item 15: 6 months (01.01-30.06.2022) + gap + ongoing 01.06.2023 -> second from 01.12.2023",
        facts(
            "social_worker",
            "high",
            "none",
            SW_HIGH_EDU,
            [
                period("01.01.2022-30.06.2022", "social_worker", "high", "none", sector="health"),
                here("01.06.2023-", "social_worker", "high", "none"),
            ],
        ),
        "25.11.2023",
        True,
        "second",
        False,
        "01.12.2023",
    ),
    Case(
        "item 15: same post/level/category at another organisation counts: 3 months + 9 months",
        facts(
            "social_worker",
            "high",
            "second",
            SW_HIGH_EDU,
            [
                period("01.09.2025-30.11.2025", "social_worker", "high", "second", sector="health"),
                here("01.03.2026-", "social_worker", "high", "second"),
            ],
        ),
        "25.11.2026",
        True,
        "first",
        False,
        "01.12.2026",
    ),
    Case(
        "item 15: a different position at another organisation does not count",
        facts(
            "social_worker",
            "high",
            "second",
            SW_HIGH_EDU,
            [
                period("01.09.2025-30.11.2025", SWS, "high", "second", sector="health"),
                here("01.03.2026-", "social_worker", "high", "second"),
            ],
        ),
        "25.11.2026",
        True,
        "first",
        False,
        "01.03.2027",
    ),
    Case(
        "item 15: another level at another organisation does not count",
        facts(
            "social_worker",
            "high",
            "second",
            SW_HIGH_EDU,
            [
                period("01.09.2025-30.11.2025", "social_worker", "medium", "second", sector="health"),
                here("01.03.2026-", "social_worker", "high", "second"),
            ],
        ),
        "25.11.2026",
        True,
        "first",
        False,
        "01.03.2027",
    ),
    Case(
        "item 15: another category does not count (first is not second)",
        facts(
            "social_worker",
            "high",
            "second",
            SW_HIGH_EDU,
            [
                period("01.09.2025-30.11.2025", "social_worker", "high", "first", sector="health"),
                here("01.03.2026-", "social_worker", "high", "second"),
            ],
        ),
        "25.11.2026",
        True,
        "first",
        False,
        "01.03.2027",
    ),
    Case(
        "item 15: a period ending 29.02.2024 joins one starting 01.03.2024",
        facts(
            "social_worker",
            "high",
            "none",
            SW_HIGH_EDU,
            [
                period("01.10.2023-29.02.2024", "social_worker", "high", "none", sector="health"),
                here("01.03.2024-", "social_worker", "high", "none"),
            ],
        ),
        "25.11.2024",
        True,
        "second",
        True,
        "01.10.2024",
    ),
    Case(
        "item 15: closed periods that can never reach -> eligible_from None",
        facts(
            "social_worker",
            "high",
            "second",
            SW_HIGH_EDU,
            [
                period("01.01.2025-30.06.2025", "social_worker", "high", "second"),
                period("01.07.2025-", "", None, None, sector="other"),
            ],
        ),
        "25.11.2026",
        True,
        "first",
        False,
        None,
    ),
    Case(
        "item 15: overlapping records counted once",
        facts(
            "social_worker",
            "high",
            "none",
            SW_HIGH_EDU,
            [
                here("01.03.2025-", "social_worker", "high", "none"),
                here("01.03.2025-31.08.2025", "social_worker", "high", "none"),
            ],
        ),
        "25.11.2025",
        True,
        "second",
        False,
        "01.03.2026",
    ),
    Case(
        "item 15: a future period (after D) does not count for D",
        facts("social_worker", "high", "none", SW_HIGH_EDU, [here("01.12.2025-", "social_worker", "high", "none")]),
        "25.11.2025",
        True,
        "second",
        False,
        None,
    ),
    Case(
        "no requirement for an unknown post",
        facts("janitor", None, None, [diploma("higher", "law")]),
        "25.11.2026",
        False,
        None,
        False,
        None,
        codes=("no_requirement", "no_ladder"),
    ),
]


@pytest.mark.parametrize("requirements", SOURCES)
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_verdict(case: Case, requirements: RequirementSet):
    v = evaluate(case.facts, requirements, d(case.on))
    assert isinstance(v, Verdict)
    got = (v.meets_requirements, v.next_category, v.eligible, v.eligible_from)
    want = (case.meets, case.next, case.eligible, d(case.eligible_from) if case.eligible_from else None)
    assert got == want, v.reasons
    if case.codes is not None:
        assert tuple(r.code for r in v.reasons) == case.codes
    if "experience_kind" in case.extra:
        kinds = [r.params["kind"] for r in v.reasons if r.code == "experience"]
        assert kinds == [case.extra["experience_kind"]]
    # the invariants of a verdict
    assert v.eligible == (v.eligible_from is not None and v.eligible_from <= d(case.on))
    if v.next_category is None:
        assert not v.eligible and v.eligible_from is None
    failing = [r for r in v.reasons if r.code in ("education", "experience", "no_requirement") and not r.ok]
    if v.meets_requirements:
        assert not failing
    items = {r.item for r in v.reasons if r.code != "no_requirement"}
    assert None not in items or not v.meets_requirements


# --- reasons in detail ---------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_the_reasons_are_worked_out_when_read_and_explain_the_decision_given(case: Case):
    """A national page decides for every employee and reads the reasons of the rows it shows: a verdict works its
    reasons out when they are first read, once, deciding again on the same facts; reasons that came with another
    decision would explain a verdict the engine did not give, and reading them fails."""
    on = d(case.on)
    verdict = evaluate(case.facts, HAND_SET, on)
    assert verdict.reasons is verdict.reasons
    forged = Verdict(
        not verdict.meets_requirements,
        verdict.next_category,
        verdict.eligible,
        verdict.eligible_from,
        question=(case.facts, HAND_SET, on),
    )
    with pytest.raises(AssertionError, match="decided"):
        forged.reasons  # noqa: B018


def test_a_verdict_has_its_reasons_or_the_question_that_explains_them():
    with pytest.raises(TypeError):
        Verdict(True, None, False, None)
    with pytest.raises(TypeError):
        Verdict(True, None, False, None, (), question=(CASES[0].facts, HAND_SET, d(CASES[0].on)))


def test_reasons_for_the_example_sentence():
    """п. 21: II санатқа санатсыз психолог ретінде 3 жыл өтіл керек: 2 ж 9 ай бар, 01.03.2027 жетеді."""
    f = facts(
        "psychologist",
        None,
        "none",
        [diploma("higher", "psychology")],
        [here("01.03.2024-", "psychologist", None, "none")],
    )
    v = evaluate(f, HAND_SET, d("01.12.2026"))
    reason = v.reasons[-1]
    assert reason == Reason(21, "next_experience", False, reason.params)
    p = reason.params
    assert p["required_years"] == 3
    assert p["category"] == "none" and p["next_category"] == "second"
    assert p["position"] == "psychologist" and p["level"] is None
    assert p["have"] == {"years": 2, "months": 9, "days": 0}
    assert p["reached_on"] == d("01.03.2027")
    sentence = (
        f"п. {reason.item}: {p['next_category']} санатқа {p['category']} {p['position']} ретінде "
        f"{p['required_years']} жыл өтіл керек: {p['have']['years']} ж {p['have']['months']} ай бар, "
        f"{p['reached_on']:%d.%m.%Y} жетеді"
    )
    assert (
        sentence == "п. 21: second санатқа none psychologist ретінде 3 жыл өтіл керек: 2 ж 9 ай бар, 01.03.2027 жетеді"
    )


def test_reasons_education_params():
    f = facts("case_manager", "high", "none", [diploma("higher", "law")])
    v = evaluate(f, HAND_SET, d("25.11.2026"))
    education = v.reasons[0]
    assert (education.item, education.code, education.ok) == (36, "education", False)
    assert education.params["levels"] == ["postgraduate", "higher"]
    assert education.params["fields"] == sorted(CASE_FIELDS)
    assert education.params["matched_level"] is None
    assert education.params["alternative"] == 0 and education.params["alternatives"] == 1
    ok = evaluate(facts("case_manager", "high", "none", [diploma("higher", "nursing")]), HAND_SET, d("25.11.2026"))
    assert ok.reasons[0].ok and ok.reasons[0].params["matched_level"] == "higher"


def test_reasons_experience_params_for_a_post_without_ladder():
    f = facts(
        "director",
        None,
        None,
        [diploma("higher", "law")],
        [
            period("01.03.2025-", sector="social_protection"),
            period("01.03.2026-", sector="other", managerial=True, profile=True),
        ],
    )
    v = evaluate(f, HAND_SET, d("01.12.2026"))
    assert not v.meets_requirements
    sectors, managerial = [r for r in v.reasons if r.code == "experience"]
    assert sectors.item == 6 and not sectors.ok
    assert sectors.params["kind"] == "sectors"
    assert sectors.params["sectors"] == sorted(SECTORS5)
    assert sectors.params["required_years"] == 3
    assert sectors.params["required"] == {"years": 3, "months": 0, "days": 0}
    assert sectors.params["have"] == {"years": 1, "months": 9, "days": 0}
    assert sectors.params["reached_on"] == d("01.03.2028")
    assert managerial.params["kind"] == "managerial" and managerial.params["alternative"] == 1
    assert managerial.params["have"] == {"years": 0, "months": 9, "days": 0}
    assert managerial.params["reached_on"] == d("01.03.2028")
    assert v.reasons[-1].code == "no_ladder"


def test_reasons_never_reached_has_none():
    f = facts("unit_head", None, None, [diploma("higher", "law")], [period("01.03.2025-31.08.2025", sector="health")])
    v = evaluate(f, HAND_SET, d("25.11.2026"))
    (experience,) = [r for r in v.reasons if r.code == "experience"]
    assert experience.params["reached_on"] is None
    assert experience.params["have"] == {"years": 0, "months": 6, "days": 0}


def test_next_experience_counts_other_organisations():
    f = facts(
        "social_worker",
        "high",
        "second",
        SW_HIGH_EDU,
        [
            period("01.09.2025-30.11.2025", "social_worker", "high", "second", sector="health"),
            here("01.03.2026-", "social_worker", "high", "second"),
        ],
    )
    v = evaluate(f, HAND_SET, d("25.11.2026"))
    nxt = v.reasons[-1]
    assert nxt.code == "next_experience" and nxt.item == 15
    assert nxt.params["have"] == {"years": 0, "months": 11, "days": 24}
    assert nxt.params["positions"] == ["social_worker"] and nxt.params["level"] == "high"


def test_params_are_plain_values():
    f = facts("director", None, None, [diploma("higher", "law")], [period("01.03.2025-", sector="health")])
    plain = (str, int, bool, type(None), date)
    for reason in evaluate(f, HAND_SET, d("01.12.2026")).reasons:
        for value in reason.params.values():
            if isinstance(value, dict):
                assert set(value) == {"years", "months", "days"}
            elif isinstance(value, list):
                assert all(isinstance(x, str) for x in value)
            else:
                assert isinstance(value, plain), (reason.code, value)


def test_the_best_alternative_for_the_next_step():
    """Of two alternatives whose education is satisfied, the one reached first decides."""
    reqs = RequirementSet(
        [
            Requirement("x", "high", "none", 99, (Alternative((edu("higher"),), None),)),
            Requirement(
                "x",
                "high",
                "second",
                99,
                (
                    Alternative((edu("higher"),), exp(5, "category", category="none", positions=["x"])),
                    Alternative((edu("higher"),), exp(1, "category", category="none", positions=["x", "y"])),
                    Alternative((edu("postgraduate"),), exp(0, "category", category="none")),
                ),
            ),
        ]
    )
    f = facts(
        "x",
        "high",
        "none",
        [diploma("higher")],
        [period("01.03.2024-28.02.2025", "y", "high", "none"), here("01.03.2025-", "x", "high", "none")],
    )
    v = evaluate(f, reqs, d("25.11.2025"))
    assert (v.eligible, v.eligible_from) == (True, d("01.03.2025"))
    assert [r.params["alternative"] for r in v.reasons if r.code.startswith("next_")] == [1, 1]
    # postgraduate: an alternative without experience years: eligible from D
    g = dataclasses.replace(f, education=(diploma("postgraduate"),), periods=())
    v = evaluate(g, reqs, d("25.11.2025"))
    assert (v.eligible, v.eligible_from) == (True, d("25.11.2025"))


# --- RequirementSet ---------------------------------------------------------------------------


def test_requirement_set_lookups():
    rs = HAND_SET
    assert rs.ladder("social_worker", "high") == ("none", "second", "first", "highest")
    assert rs.ladder("psychologist", None) == ("none", "second", "first")
    assert rs.ladder("psychologist", "high") == ("none", "second", "first")  # no levels: any level
    assert rs.ladder("director", None) == ()
    # item 36 has one ladder: it serves any recorded level (reading case_manager_one_ladder)
    assert rs.ladder("case_manager", "medium") == rs.ladder("case_manager", None) == rs.ladder("case_manager", "high")
    assert rs.next_category("social_worker", "medium", None) == "second"
    assert rs.next_category("social_worker", "medium", "first") == "highest"
    assert rs.next_category("social_worker", "medium", "highest") is None
    assert rs.next_category("psychologist", None, "first") is None
    assert rs.next_category("director", None, None) is None
    assert rs.for_post("director", "high", "first").item == 6  # ignoring level/category
    assert rs.for_post("social_worker", "medium", "none").alternatives[1].education[0].levels == {"basic_secondary"}
    assert rs.for_post("psychologist", None, "highest") is None
    assert rs.for_post("nobody", None, None) is None


def test_requirement_set_skips_a_missing_step():
    rs = RequirementSet(
        [
            Requirement("x", None, "none", 1, (Alternative((), None),)),
            Requirement("x", None, "highest", 1, (Alternative((), exp(1, "category", category="none")),)),
        ]
    )
    assert rs.ladder("x", None) == ("none", "highest")
    assert rs.next_category("x", None, "none") == "highest"
    assert rs.next_category("x", None, "second") == "highest"


def invalid(requirement: Requirement) -> Requirement:
    """As the selector reads a row that fails the schema (positions.schema): its place on the ladder, nothing else."""
    return dataclasses.replace(requirement, alternatives=(), invalid=True)


def test_an_invalid_requirement_decides_nothing_and_says_so():
    # item 21: the psychologist with 3 years and a diploma in psychology, category II invalid
    employee = facts(
        "psychologist",
        None,
        "none",
        [diploma("higher", "psychology")],
        [here("01.01.2020-", "psychologist", None, "none")],
    )
    on = d("25.11.2026")
    assert evaluate(employee, HAND_SET, on).eligible is True
    second = HAND_SET.for_post("psychologist", None, "second")
    requirements = RequirementSet([invalid(r) if r is second else r for r in HAND])
    verdict = evaluate(employee, requirements, on)
    assert (verdict.meets_requirements, verdict.next_category, verdict.eligible, verdict.eligible_from) == (
        True,
        "second",
        False,
        None,
    )
    assert [(r.item, r.code, r.ok) for r in verdict.reasons][-1] == (21, "requirement_invalid", False)
    # both steps invalid (one item): one sentence, and the post is not met
    none = HAND_SET.for_post("psychologist", None, "none")
    requirements = RequirementSet([invalid(r) if r in (second, none) else r for r in HAND])
    verdict = evaluate(employee, requirements, on)
    assert verdict.meets_requirements is False and verdict.eligible is False
    assert [(r.item, r.code) for r in verdict.reasons] == [(21, "requirement_invalid")]


def test_requirement_set_rejects_duplicates():
    with pytest.raises(ValueError, match="two requirements"):
        RequirementSet(HAND + HAND[:1])


def test_hand_written_set_matches_the_catalogue():
    shipped = RequirementSet(CATALOGUE)
    for position, level in {(r.position, r.level) for r in HAND}:
        assert shipped.ladder(position, level) == HAND_SET.ladder(position, level), (position, level)
        for category in HAND_SET.ladder(position, level) or (None,):
            mine = HAND_SET.for_post(position, level, category)
            theirs = shipped.for_post(position, level, category)
            assert theirs is not None and theirs.item == mine.item, (position, level, category)
            assert {(a.education, a.experience) for a in theirs.alternatives} == {
                (a.education, a.experience) for a in mine.alternatives
            }, (position, level, category)
