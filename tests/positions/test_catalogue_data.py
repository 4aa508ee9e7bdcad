"""Tests of the seed data positions/data/catalogue.py against the parsed official text."""

from __future__ import annotations

import re
from datetime import date

import pytest

from positions.data.catalogue import ACTS, EDUCATION_FIELDS, POSITIONS, REQUIREMENTS
from positions.parsing import normalize_whitespace, parse_order, read_shipped_text
from positions.schema import problems
from positions.vocabulary import CATEGORY_CODES, EDUCATION_LEVEL_CODES, LEVEL_CODES, ORDER_SECTOR_CODES

ORDER = parse_order(read_shipped_text())

# The codes (positions/vocabulary.py, docs/glossary.md).
POSITION_CODES = [  # docs/glossary.md, "The 12 positions", in the order of the paragraphs
    "director",
    "deputy_director",
    "unit_head",
    "social_worker",
    "social_work_specialist",
    "psychologist",
    "media_relations_specialist",
    "analytics_specialist",
    "infosec_it_specialist",
    "prevention_specialist",
    "case_manager",
    "lawyer",
]
GROUPS = {"heads", "specialists"}
LEVELS = {*LEVEL_CODES, None}
CATEGORIES = list(CATEGORY_CODES)
EDUCATION_LEVELS = set(EDUCATION_LEVEL_CODES)
SECTORS = set(ORDER_SECTOR_CODES)
EXPERIENCE_KEYS = {
    "category": {"years", "kind", "category", "positions", "same_level"},
    "sectors": {"years", "kind", "sectors"},
    "managerial": {"years", "kind", "in_profile"},
    "profile": {"years", "kind"},
}
FIELD_CODES = {field["code"] for field in EDUCATION_FIELDS}

# Each alternative of REQUIREMENTS, with a readable test id.
ALTERNATIVES = [
    (requirement, number, alternative)
    for requirement in REQUIREMENTS
    for number, alternative in enumerate(requirement["alternatives"], start=1)
]
ALTERNATIVE_IDS = [f"{r['position']}-{r['level']}-{r['category']}-alt{n}" for r, n, _ in ALTERNATIVES]


def requirements_of(position: str, level: str | None = None) -> list[dict]:
    return [r for r in REQUIREMENTS if r["position"] == position and r["level"] == level]


# ---------------------------------------------------------------------------------------------
# ACTS
# ---------------------------------------------------------------------------------------------

ACT_KEYS = {"number", "date", "title", "issuer", "publication_date", "effective_date", "effective_rule"}


def test_acts_are_the_order_and_its_amendment():
    assert [act["number"] for act in ACTS] == ["580-НҚ", "188-НҚ"]
    for act in ACTS:
        assert set(act) == ACT_KEYS
        assert act["publication_date"] is None  # not in the text: editor data
        assert act["effective_date"] is None
        assert act["title"] and act["issuer"] and act["effective_rule"]


def test_act_580_matches_the_parsed_order():
    act = ACTS[0]
    assert (act["number"], act["date"], act["title"]) == (ORDER.number, ORDER.date, ORDER.title)
    assert act["date"] == date(2025, 10, 24)
    assert act["issuer"] == "Қазақстан Республикасы Мәдениет және ақпарат министрі"
    assert "4-тармақ" in act["effective_rule"]


def test_act_188_matches_the_notes():
    act = ACTS[1]
    notes = [c.amendment for i in ORDER.items() for c in i.clauses if c.amendment]
    notes += [p.title_amendment for p in ORDER.paragraphs() if p.title_amendment]
    assert len(notes) == 11
    assert {(n.act_number, n.act_date) for n in notes} == {(act["number"], act["date"])}
    assert act["date"] == date(2026, 4, 16)
    # the issuer as the notes spell it ("... министрінің" in the genitive)
    assert act["issuer"].removesuffix("і") in notes[0].text
    for item in (5, 8, 11, 14, 17, 20, 26, 32, 35, 38):
        assert str(item) in act["effective_rule"]
    assert "12.07.2026" in act["effective_rule"]


# ---------------------------------------------------------------------------------------------
# POSITIONS
# ---------------------------------------------------------------------------------------------


def test_twelve_positions_with_the_domain_codes_in_paragraph_order():
    assert [p["code"] for p in POSITIONS] == POSITION_CODES
    assert [p["paragraph"] for p in POSITIONS] == list(range(1, 13))
    assert [p.position_code for p in ORDER.paragraphs()] == POSITION_CODES


@pytest.mark.parametrize("position", POSITIONS, ids=[p["code"] for p in POSITIONS])
def test_position_fields(position):
    assert set(position) == {"code", "paragraph", "group", "title_ru", "title_en", "has_levels"}
    assert position["group"] in GROUPS
    assert position["group"] == ("heads" if position["paragraph"] <= 3 else "specialists")
    assert isinstance(position["has_levels"], bool)
    for key in ("title_ru", "title_en"):
        assert position[key] == normalize_whitespace(position[key]) != ""
    # has_levels <=> the requirements are split by qualification level
    levels = {r["level"] for r in REQUIREMENTS if r["position"] == position["code"]}
    assert position["has_levels"] == (levels != {None})


# ---------------------------------------------------------------------------------------------
# EDUCATION_FIELDS
# ---------------------------------------------------------------------------------------------

FIELD_PARENTS = [
    ("social_sciences", None),
    ("social", "social_sciences"),
    ("social_work", "social"),
    ("psychology", "social_sciences"),
    ("pedagogy", None),
    ("preschool_education", "pedagogy"),
    ("primary_education", "pedagogy"),
    ("vocational_training", "pedagogy"),
    ("physical_education_sport", "pedagogy"),
    ("medicine", None),
    ("nursing", "medicine"),
    ("economics", None),
    ("law", None),
    ("humanities", None),
    ("information_technology", None),
    ("information_security", None),
    ("journalism", None),
]


def test_education_field_codes():
    codes = [field["code"] for field in EDUCATION_FIELDS]
    assert len(codes) == len(set(codes))
    assert set(codes) == {code for code, _ in FIELD_PARENTS}


@pytest.mark.parametrize("code, parent", FIELD_PARENTS)
def test_education_field(code, parent):
    codes = [field["code"] for field in EDUCATION_FIELDS]
    field = EDUCATION_FIELDS[codes.index(code)]
    assert set(field) == {"code", "parent", "name_kk", "name_ru", "name_en"}
    assert field["parent"] == parent
    if parent is not None:
        assert codes.index(parent) < codes.index(code)  # parents before children
    for key in ("name_kk", "name_ru", "name_en"):
        assert field[key] == normalize_whitespace(field[key]) != ""


# ---------------------------------------------------------------------------------------------
# REQUIREMENTS: shape and vocabularies
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "requirement", REQUIREMENTS, ids=[f"{r['position']}-{r['level']}-{r['category']}" for r in REQUIREMENTS]
)
def test_requirement_shape(requirement):
    assert set(requirement) == {"position", "item", "level", "category", "alternatives"}
    assert requirement["position"] in POSITION_CODES
    assert requirement["level"] in LEVELS
    assert requirement["category"] in CATEGORIES + [None]
    assert requirement["alternatives"]
    # the item is the position's "requirements" item in the parsed order
    paragraph = POSITION_CODES.index(requirement["position"]) + 1
    parsed = ORDER.paragraphs()[paragraph - 1].items[2]
    assert parsed.kind == "requirements"
    assert requirement["item"] == parsed.number == 3 * paragraph + 3


def test_requirement_keys_are_unique():
    keys = [(r["position"], r["level"], r["category"]) for r in REQUIREMENTS]
    assert len(keys) == len(set(keys))
    assert {r["position"] for r in REQUIREMENTS} == set(POSITION_CODES)


@pytest.mark.parametrize("requirement, number, alternative", ALTERNATIVES, ids=ALTERNATIVE_IDS)
def test_alternative_vocabulary(requirement, number, alternative):
    assert problems([alternative], field_codes=FIELD_CODES, position_codes=POSITION_CODES) == []
    assert set(alternative) == {"education", "experience", "source"}
    assert alternative["education"]
    for condition in alternative["education"]:
        assert set(condition) == {"levels", "fields"}
        assert condition["levels"] and set(condition["levels"]) <= EDUCATION_LEVELS
        assert set(condition["fields"]) <= FIELD_CODES
        # postgraduate satisfies wherever higher is accepted (docs/glossary.md, "Product choices")
        if "higher" in condition["levels"]:
            assert "postgraduate" in condition["levels"]
    experience = alternative["experience"]
    if experience is not None:
        assert set(experience) == EXPERIENCE_KEYS[experience["kind"]]
        assert isinstance(experience["years"], int) and experience["years"] > 0
        if experience["kind"] == "sectors":
            assert experience["sectors"] and set(experience["sectors"]) <= SECTORS
        if experience["kind"] == "category":
            assert experience["category"] in CATEGORIES
            assert set(experience["positions"]) <= set(POSITION_CODES)


# ---------------------------------------------------------------------------------------------
# REQUIREMENTS: read from the text
# ---------------------------------------------------------------------------------------------

YEAR_WORDS = {"бір": 1, "екі": 2, "үш": 3}
# Kazakh words of the education levels as the items spell them.
LEVEL_WORDS = {
    "higher": "жоғары",
    "tvet": "орта арнаулы",
    "basic_secondary": "негізгі орта",
    "certificate": "сертификат",
}
# Kazakh stems of the fields as the items spell them.
FIELD_WORDS = {
    "social_sciences": "әлеуметтік",
    "social": "әлеуметтік",
    "social_work": "әлеуметтік жұмыс",
    "psychology": "психолог",
    "pedagogy": "педагогика",
    "preschool_education": "мектепке дейінгі тәрбие беру және оқыту",
    "primary_education": "бастауыш білім беру педагогикасы мен әдістемесі",
    "vocational_training": "кәсіптік оқыту",
    "physical_education_sport": "дене тәрбиесі және спорт",
    "nursing": "мейіргер ісі",
    "medicine": "медициналық",
    "economics": "экономика",
    "law": "заң",
    "humanities": "гуманитарлық",
}
# Fields the order leaves to "тиісті ... бағыты" (the relevant direction): product defaults.
DEFAULT_FIELDS = {
    "media_relations_specialist": {"journalism", "humanities"},  # item 24
    "infosec_it_specialist": {"information_security", "information_technology"},  # item 30
}


@pytest.mark.parametrize("requirement, number, alternative", ALTERNATIVES, ids=ALTERNATIVE_IDS)
def test_source_is_verbatim_in_the_item(requirement, number, alternative):
    source = alternative["source"]
    assert source == normalize_whitespace(source) != ""
    assert source in ORDER.item(requirement["item"]).text


WITH_EXPERIENCE = [(case, i) for case, i in zip(ALTERNATIVES, ALTERNATIVE_IDS, strict=True) if case[2]["experience"]]


@pytest.mark.parametrize(
    "requirement, number, alternative",
    [case for case, _ in WITH_EXPERIENCE],
    ids=[i for _, i in WITH_EXPERIENCE],
)
def test_experience_years_appear_in_the_source(requirement, number, alternative):
    experience = alternative["experience"]
    stated = [
        int(word) if word.isdigit() else YEAR_WORDS[word]
        for word in re.findall(r"кемінде (\S+) жыл", alternative["source"])
    ]
    assert experience["years"] in stated


@pytest.mark.parametrize("requirement, number, alternative", ALTERNATIVES, ids=ALTERNATIVE_IDS)
def test_education_words_appear_in_the_source(requirement, number, alternative):
    source = alternative["source"]
    for condition in alternative["education"]:
        for level in condition["levels"]:
            if level in LEVEL_WORDS:
                assert LEVEL_WORDS[level] in source, level
        for field in condition["fields"]:
            if field in DEFAULT_FIELDS.get(requirement["position"], set()):
                assert "тиісті" in source  # "in the relevant direction": default, editable
            else:
                assert FIELD_WORDS[field] in source, field


# ---------------------------------------------------------------------------------------------
# Category ladders
# ---------------------------------------------------------------------------------------------

LADDERS = [
    # (position, level, categories in order, item)
    ("social_worker", "high", ["none", "second", "first", "highest"], "item 15"),
    ("social_worker", "medium", ["none", "second", "first", "highest"], "item 15"),
    ("social_work_specialist", "high", ["none", "second", "first", "highest"], "item 18"),
    ("social_work_specialist", "medium", ["none", "second", "first", "highest"], "item 18"),
    ("psychologist", None, ["none", "second", "first"], "item 21"),
    ("case_manager", "high", ["none", "second", "first", "highest"], "item 36"),
]

LADDER_STEPS = [
    # (position, level, category, years in the previous category, where)
    ("social_worker", "high", "second", 1, "item 15"),
    ("social_worker", "high", "first", 1, "item 15"),
    ("social_worker", "high", "highest", 2, "item 15"),
    ("social_worker", "medium", "second", 1, "item 15"),
    ("social_worker", "medium", "first", 1, "item 15"),
    ("social_worker", "medium", "highest", 2, "item 15"),
    ("social_work_specialist", "high", "second", 1, "item 18"),
    ("social_work_specialist", "high", "first", 2, "item 18"),
    ("social_work_specialist", "high", "highest", 3, "item 18"),
    ("social_work_specialist", "medium", "second", 1, "item 18"),
    ("social_work_specialist", "medium", "first", 2, "item 18"),
    ("social_work_specialist", "medium", "highest", 3, "item 18"),
    ("psychologist", None, "second", 3, "item 21"),  # "II санатты психолог"
    ("psychologist", None, "first", 2, "item 21"),  # "I санатты психолог"
    ("case_manager", "high", "second", 1, "item 36"),
    ("case_manager", "high", "first", 2, "item 36"),
    ("case_manager", "high", "highest", 3, "item 36"),
]

# How the items name the categories (case-insensitive).
CATEGORY_WORDS = {
    "none": r"санатсыз",
    "second": r"екінші санат|\bII санат",
    "first": r"бірінші санат|(?<!I)I санат",
    "highest": r"жоғары санат",
}


@pytest.mark.parametrize("position, level, categories, where", LADDERS)
def test_ladder_has_consecutive_categories_from_none(position, level, categories, where):
    found = [r["category"] for r in requirements_of(position, level)]
    assert found == categories
    assert {r["item"] for r in requirements_of(position, level)} == {int(where.split()[1])}
    # the bottom step needs no experience
    bottom = requirements_of(position, level)[0]
    assert all(alt["experience"] is None for alt in bottom["alternatives"])


def test_ladders_are_the_only_categorised_requirements():
    ladders = {(position, level) for position, level, _, _ in LADDERS}
    for r in REQUIREMENTS:
        if (r["position"], r["level"]) in ladders:
            assert r["category"] is not None
        else:
            assert (r["level"], r["category"]) == (None, None)


@pytest.mark.parametrize("position", [c for c in POSITION_CODES if c not in {ladder[0] for ladder in LADDERS}])
def test_position_without_ladder_has_one_requirement(position):
    found = [r for r in REQUIREMENTS if r["position"] == position]
    assert len(found) == 1
    assert (found[0]["level"], found[0]["category"]) == (None, None)


@pytest.mark.parametrize("position, level, category, years, where", LADDER_STEPS)
def test_ladder_step(position, level, category, years, where):
    (requirement,) = [r for r in requirements_of(position, level) if r["category"] == category]
    assert f"item {requirement['item']}" == where
    previous = CATEGORIES[CATEGORIES.index(category) - 1]
    for alternative in requirement["alternatives"]:
        assert alternative["experience"] == {
            "years": years,
            "kind": "category",
            "category": previous,
            "positions": [position],
            "same_level": True,  # reading "previous_category_same_post", editable data
        }
        # the source names the step's category and the previous one
        for code in (category, previous):
            assert re.search(CATEGORY_WORDS[code], alternative["source"], re.IGNORECASE), code


def test_every_ladder_step_is_listed():
    listed = {(pos, lev, cat) for pos, lev, cat, _, _ in LADDER_STEPS}
    ladders = {(position, level) for position, level, _, _ in LADDERS}
    steps = {
        (r["position"], r["level"], r["category"])
        for r in REQUIREMENTS
        if (r["position"], r["level"]) in ladders and r["category"] != "none"
    }
    assert steps == listed


# ---------------------------------------------------------------------------------------------
# Specific readings
# ---------------------------------------------------------------------------------------------

EXPECTED_ALTERNATIVES = [
    # (position, level, category, [(levels, fields, experience)] per alternative)
    (
        "director",
        None,
        None,
        [
            (
                ["higher", "postgraduate"],
                ["social_sciences", "pedagogy", "law", "economics", "humanities"],
                {
                    "years": 3,
                    "kind": "sectors",
                    "sectors": ["social_protection", "employment", "education", "health", "law_enforcement"],
                },
            ),
            (
                ["higher", "postgraduate"],
                ["social_sciences", "pedagogy", "law", "economics", "humanities"],
                {"years": 2, "kind": "managerial", "in_profile": True},
            ),
        ],
    ),
    (
        "deputy_director",
        None,
        None,
        [
            (
                ["higher", "postgraduate"],
                ["social_sciences", "pedagogy", "law", "economics", "humanities"],
                {
                    "years": 3,
                    "kind": "sectors",
                    "sectors": ["social_protection", "employment", "education", "health", "law_enforcement"],
                },
            ),
            (
                ["higher", "postgraduate"],
                ["social_sciences", "pedagogy", "law", "economics", "humanities"],
                {"years": 1, "kind": "managerial", "in_profile": True},
            ),
        ],
    ),
    (
        "unit_head",
        None,
        None,
        [
            (
                ["higher", "postgraduate"],
                ["social_sciences", "pedagogy", "law", "economics", "humanities"],
                {
                    "years": 2,
                    "kind": "sectors",
                    "sectors": ["social_protection", "employment", "education", "health", "law_enforcement"],
                },
            ),
        ],
    ),
    (
        "media_relations_specialist",
        None,
        None,
        [
            (["tvet"], ["journalism", "humanities"], None),
            (["higher", "postgraduate"], ["journalism", "humanities"], None),
        ],
    ),
    (
        "analytics_specialist",
        None,
        None,
        [
            (["tvet"], ["law", "economics", "pedagogy", "social", "humanities"], {"years": 1, "kind": "profile"}),
            (["higher", "postgraduate"], ["law", "economics", "pedagogy", "social", "humanities"], None),
        ],
    ),
    (
        "infosec_it_specialist",
        None,
        None,
        [
            (["tvet"], ["information_security", "information_technology"], None),
            (["higher", "postgraduate"], ["information_security", "information_technology"], None),
        ],
    ),
    (
        "prevention_specialist",
        None,
        None,
        [
            (["tvet"], ["law", "economics", "pedagogy", "social", "humanities"], {"years": 1, "kind": "profile"}),
            (["higher", "postgraduate"], ["law", "economics", "pedagogy", "social", "humanities"], None),
        ],
    ),
    (
        "lawyer",
        None,
        None,
        [
            (["higher", "postgraduate"], ["law"], {"years": 1, "kind": "profile"}),
        ],
    ),
    (
        "psychologist",
        None,
        "none",
        [
            (["higher", "postgraduate"], ["psychology"], None),
        ],
    ),
    (
        "social_worker",
        "high",
        "none",
        [
            (["higher", "postgraduate"], ["social", "psychology", "pedagogy", "medicine"], None),
        ],
    ),
    (
        "social_work_specialist",
        "high",
        "none",
        [
            (["higher", "postgraduate"], ["social", "pedagogy", "medicine"], None),
        ],
    ),
    (
        "social_work_specialist",
        "medium",
        "none",
        [
            (["tvet"], ["social", "pedagogy", "medicine"], None),
        ],
    ),
    (
        "case_manager",
        "high",
        "none",
        [
            (
                ["higher", "postgraduate"],
                [
                    "social_work",
                    "preschool_education",
                    "primary_education",
                    "vocational_training",
                    "nursing",
                    "physical_education_sport",
                ],
                None,
            ),
        ],
    ),
]


@pytest.mark.parametrize(
    "position, level, category, expected",
    EXPECTED_ALTERNATIVES,
    ids=[f"{pos}-{lev}-{cat}" for pos, lev, cat, _ in EXPECTED_ALTERNATIVES],
)
def test_single_condition_alternatives(position, level, category, expected):
    (requirement,) = [r for r in requirements_of(position, level) if r["category"] == category]
    found = []
    for alternative in requirement["alternatives"]:
        (condition,) = alternative["education"]
        found.append((condition["levels"], condition["fields"], alternative["experience"]))
    assert found == expected


def test_social_worker_medium_none_accepts_basic_secondary_with_a_certificate():
    (requirement,) = [r for r in requirements_of("social_worker", "medium") if r["category"] == "none"]
    first, second = requirement["alternatives"]
    assert first["education"] == [
        {"levels": ["tvet"], "fields": ["social", "economics", "psychology", "pedagogy", "medicine"]}
    ]
    assert second["education"] == [
        {"levels": ["basic_secondary"], "fields": []},
        {"levels": ["certificate"], "fields": ["social"]},
    ]
    assert first["experience"] is None and second["experience"] is None
    assert "немесе негізгі орта білімі және әлеуметтік дайындық бойынша сертификаты" in second["source"]


@pytest.mark.parametrize(
    "position, level, fields",
    [
        ("social_worker", "high", ["social", "psychology", "pedagogy", "medicine"]),  # item 15
        ("social_worker", "medium", ["social", "economics", "psychology", "pedagogy", "medicine"]),  # item 15
        ("social_work_specialist", "high", ["social", "pedagogy", "medicine"]),  # item 18
        ("social_work_specialist", "medium", ["social", "pedagogy", "medicine"]),  # item 18
        ("psychologist", None, ["psychology"]),  # item 21
        (
            "case_manager",
            "high",
            [
                "social_work",
                "preschool_education",
                "primary_education",
                "vocational_training",
                "nursing",
                "physical_education_sport",
            ],
        ),  # item 36
    ],
)
def test_ladder_education_is_the_same_on_every_step(position, level, fields):
    expected_levels = ["tvet"] if level == "medium" else ["higher", "postgraduate"]
    for requirement in requirements_of(position, level):
        condition = requirement["alternatives"][0]["education"][0]
        assert condition == {"levels": expected_levels, "fields": fields}
