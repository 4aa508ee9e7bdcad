"""The product's readings of order No. 580-НҚ (docs/glossary.md, "Readings"), one table per reading, each case citing its item.

Every case runs on the hand-written requirements and on the catalogue data (tests.attestation.test_rules.SOURCES).
"""

from dataclasses import replace

import pytest

from attestation.rules import Period, Requirement, RequirementSet, evaluate
from tests.attestation.test_rules import SOURCES, SW_HIGH_EDU, d, diploma, facts, here, period

ON = "01.12.2026"


def codes_of(verdict):
    return [r.code for r in verdict.reasons]


def readings_of(verdict):
    return {code for r in verdict.reasons for code in r.params.get("readings", [])}


# (id, facts, meets, reading expected in the reasons; None: not checked; "-": none at all)
CASES = [
    # ---- reading 1, items 6 and 9: managerial experience only in organisations of the profile --------------
    (
        "item 6: 2 years managerial in the profile -> met",
        facts(
            "director",
            None,
            None,
            [diploma("higher", "law")],
            [period("01.03.2020-28.02.2022", sector="other", managerial=True, profile=True)],
        ),
        True,
        "managerial_by_profile",
    ),
    (
        "item 6: 2 years managerial NOT in the profile -> not met",
        facts(
            "director",
            None,
            None,
            [diploma("higher", "law")],
            [period("01.03.2020-28.02.2022", sector="other", managerial=True)],
        ),
        False,
        "managerial_by_profile",
    ),
    (
        "item 9: 1 year managerial NOT in the profile -> not met",
        facts(
            "deputy_director",
            None,
            None,
            [diploma("higher", "law")],
            [period("01.03.2020-28.02.2021", sector="other", managerial=True)],
        ),
        False,
        "managerial_by_profile",
    ),
    # ---- reading 2, items 6, 9, 12, 27, 33, 39: a blank flag is not established -----------------------------
    (
        "item 12: 2 years with a blank sector -> not met",
        facts("unit_head", None, None, [diploma("higher", "law")], [period("01.03.2020-28.02.2023", sector=None)]),
        False,
        "blank_flag_not_established",
    ),
    (
        "item 39: 1 year with a blank profile flag -> not met",
        facts("lawyer", None, None, [diploma("higher", "law")], [period("01.03.2020-28.02.2023", profile=None)]),
        False,
        "blank_flag_not_established",
    ),
    (
        "item 27: TVET + 1 year with a blank profile flag -> not met",
        facts(
            "analytics_specialist",
            None,
            None,
            [diploma("tvet", "law")],
            [period("01.03.2020-28.02.2023", profile=None)],
        ),
        False,
        "blank_flag_not_established",
    ),
    (
        "item 9: blank managerial flag -> not met",
        facts(
            "deputy_director",
            None,
            None,
            [diploma("higher", "law")],
            [period("01.03.2020-28.02.2022", sector="other", managerial=None, profile=True)],
        ),
        False,
        "blank_flag_not_established",
    ),
    # ---- reading 3, items 15, 27, 33: education levels nest ---------------------------------------------------
    (
        "item 15 medium: a higher degree in pedagogy meets the TVET requirement",
        facts("social_worker", "medium", "none", [diploma("higher", "pedagogy")]),
        True,
        "education_levels_nest",
    ),
    (
        "item 15 medium: TVET in any field + social certificate meets 'негізгі орта білімі'",
        facts("social_worker", "medium", "none", [diploma("tvet", "journalism"), diploma("certificate", "social")]),
        True,
        "education_levels_nest",
    ),
    (
        "item 15 medium: a higher degree in law (not an accepted field) does not",
        facts("social_worker", "medium", "none", [diploma("higher", "law")]),
        False,
        None,
    ),
    (
        "item 27: a higher degree meets directly (no reading when the text itself is met)",
        facts("analytics_specialist", None, None, [diploma("higher", "law")]),
        True,
        "-",
    ),
    # ---- reading 4, item 36: one ladder whatever the recorded level -----------------------------------------
    (
        "item 36: blank level -> the one ladder, not 'no requirement'",
        facts("case_manager", None, "none", [diploma("higher", "social_work")]),
        True,
        "case_manager_one_ladder",
    ),
    (
        "item 36: medium level recorded -> the same ladder",
        facts("case_manager", "medium", "none", [diploma("higher", "nursing")]),
        True,
        "case_manager_one_ladder",
    ),
    # ---- reading 6, items 6, 9, 12: psychology belongs to the social sciences ------------------------------
    (
        "item 12: a psychology degree meets 'әлеуметтік' + 2 years in the sectors",
        facts("unit_head", None, None, [diploma("higher", "psychology")], [period("01.03.2020-28.02.2023")]),
        True,
        None,
    ),
    (
        "item 18: psychology still does not meet item 18 (its 'әлеуметтік' is the social field)",
        facts("social_work_specialist", "high", "none", [diploma("higher", "psychology")]),
        False,
        None,
    ),
]


@pytest.mark.parametrize("requirements", SOURCES)
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_reading(case, requirements):
    _, employee, meets, reading = case
    verdict = evaluate(employee, requirements, d(ON))
    assert verdict.meets_requirements is meets, verdict.reasons
    if reading == "-":  # the text itself is met: no reading cited
        assert not readings_of(verdict)
    elif reading is not None:
        assert reading in readings_of(verdict)


@pytest.mark.parametrize("requirements", SOURCES)
def test_item_36_years_count_at_any_recorded_level(requirements):
    """Item 36, reading 4: one ladder, so the years as uncategorised case manager count whatever level was written."""
    employee = facts(
        "case_manager",
        None,
        "none",
        [diploma("higher", "social_work")],
        [here("01.03.2024-", "case_manager", None, "none")],
    )
    verdict = evaluate(employee, requirements, d(ON))
    assert (verdict.next_category, verdict.eligible, verdict.eligible_from) == ("second", True, d("01.03.2025"))


@pytest.mark.parametrize("requirements", SOURCES)
def test_item_21_category_outside_the_ladder_is_said_plainly(requirements):
    """Item 21, reading 5: a psychologist has no highest category; not 'top of the ladder reached'."""
    verdict = evaluate(facts("psychologist", None, "highest", [diploma("higher", "psychology")]), requirements, d(ON))
    assert codes_of(verdict) == ["category_not_in_ladder"]
    (reason,) = verdict.reasons
    assert reason.item == 21 and not reason.ok and reason.params["ladder"] == ["none", "second", "first"]
    assert not verdict.meets_requirements and verdict.next_category is None


@pytest.mark.parametrize("requirements", SOURCES)
def test_items_15_previous_category_same_level_is_data(requirements):
    """Item 15, reading 8: years at the high level do not count for the medium ladder unless the data widens it."""
    employee = facts(
        "social_worker",
        "medium",
        "none",
        [diploma("tvet", "social")],
        [
            period("01.01.2020-31.12.2024", "social_worker", "high", "none"),
            here("01.01.2025-", "social_worker", "medium", "none"),
        ],
    )
    verdict = evaluate(employee, requirements, d("01.06.2025"))
    assert not verdict.eligible and "previous_category_same_post" in readings_of(verdict)
    widened = RequirementSet(
        replace(
            r,
            alternatives=tuple(
                replace(a, experience=replace(a.experience, same_level=False)) if a.experience else a
                for a in r.alternatives
            ),
        )
        for r in requirements
    )
    assert evaluate(employee, widened, d("01.06.2025")).eligible


def test_order_not_yet_in_force():
    """Reading 7 (item 4 of the order): before the order applies no item is cited."""
    employee = facts(
        "social_worker", "high", "none", SW_HIGH_EDU, [here("01.03.2025-", "social_worker", "high", "none")]
    )
    (source,) = [s.values[0] for s in SOURCES if s.id == "hand"]
    dated = RequirementSet(replace(r, in_force_from=d("04.11.2025")) for r in source)
    before = evaluate(employee, dated, d("01.11.2025"))
    assert codes_of(before) == ["not_in_force"]
    assert before.reasons[0].item is None and before.reasons[0].params["in_force_from"] == d("04.11.2025")
    assert not before.meets_requirements and before.next_category is None
    assert evaluate(employee, dated, d("04.11.2025")).meets_requirements


def test_blank_period_flags_are_plain_values():
    assert Period(d("01.01.2020"), None, None, "", None, None, None, None).sector is None
    assert Requirement("x", None, None, 1, ()).in_force_from is None


# ---- readings 9 and 10: data the product chose, named in the reasons ---------------------------------------
@pytest.mark.parametrize("requirements", SOURCES)
@pytest.mark.parametrize(
    ("case", "employee", "reading", "cited"),
    [
        (
            "item 21: psychology is the product's 'relevant specialty'",
            facts("psychologist", None, "none", [diploma("higher", "psychology")]),
            "relevant_specialty_defaults",
            True,
        ),
        (
            "item 27: the text names its fields itself",
            facts("analytics_specialist", None, None, [diploma("higher", "law")]),
            "relevant_specialty_defaults",
            False,
        ),
        (
            "item 36: a master's degree meets plain 'жоғары білім'",
            facts("case_manager", "high", "none", [diploma("postgraduate", "social_work")]),
            "postgraduate_for_higher",
            True,
        ),
        (
            "item 36: a bachelor's degree is the text itself",
            facts("case_manager", "high", "none", [diploma("higher", "social_work")]),
            "postgraduate_for_higher",
            False,
        ),
        (
            "item 27: 'жоғары (немесе жоғары оқу орнынан кейінгі)' is the text itself",
            facts("analytics_specialist", None, None, [diploma("postgraduate", "law")]),
            "postgraduate_for_higher",
            False,
        ),
    ],
    ids=lambda value: value if isinstance(value, str) and value.startswith("item") else "",
)
def test_readings_of_the_catalogue_data_are_named(case, employee, reading, cited, requirements):
    verdict = evaluate(employee, requirements, d(ON))
    assert verdict.meets_requirements, verdict.reasons
    assert (reading in readings_of(verdict)) is cited, case
