"""The one schema of a qualification requirement's values (``Requirement.alternatives``), checked in one place.

Every way in goes through :func:`problems`: the admin form and the impact page (their structured editor,
positions.forms.StructuredAlternativesField), the model's ``full_clean`` (which the amendment service and the
loader call), and every read that feeds the eligibility engine (attestation.selectors), where a row that fails is
reported instead of breaking the page.

The shape (docs/design.md, "Requirements as data")::

    [                                   1 to MAX_ALTERNATIVES alternatives; ANY one satisfies the requirement
      {"education": [                   1 to MAX_CONDITIONS conditions, ALL must hold
          {"levels": ["higher", ...],   education level codes (positions.vocabulary), at least one
           "fields": ["psychology"]}],  optional: education field codes of the catalogue; none = any field
       "experience": null | {           optional
          "years": 3,                   a whole number 0..MAX_YEARS (true and false are not numbers here)
          "kind": "category",           one of EXPERIENCE_KINDS
          "sectors": [...],             kinds sectors (required), managerial, profile: sector codes
          "in_profile": true,           kind managerial: the managerial posts must be in the profile
          "category": "none",           kind category (required): the previous step of the ladder
          "positions": [...],           kind category: position codes counted as the same position
          "same_level": true},          kind category: the years must be at the requirement's level
       "source": "verbatim fragment"}]  optional: the words of the order the alternative is read from

Plain Python (no Django): a :class:`Problem` is a code and its parameters; positions.requirements words it.
The walk follows the expected shape and never descends into a value of the wrong type, so a deeply nested value
costs nothing; JSON text, where a way in takes it (none does since the structured editor), is measured before it
is parsed (:func:`text_problems`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from positions.vocabulary import CATEGORY_CODES, EDUCATION_LEVEL_CODES, EXPERIENCE_KINDS, SECTOR_CODES

MAX_TEXT = 20_000  # characters of JSON text (the longest shipped requirement is about 1,200)
MAX_DEPTH = 8  # nesting of JSON text (the shape itself is 5 deep)
MAX_ALTERNATIVES = 10
MAX_CONDITIONS = 10
MAX_CODES = 50  # codes in one list
MAX_CODE_LENGTH = 60  # as the code fields of the catalogue
MAX_YEARS = 50
MAX_SOURCE = 2_000

ALTERNATIVE_KEYS = frozenset({"education", "experience", "source"})
CONDITION_KEYS = frozenset({"levels", "fields"})
# Which keys an experience of each kind may have besides "years" and "kind".
KIND_KEYS = {
    "sectors": frozenset({"sectors"}),
    "managerial": frozenset({"sectors", "in_profile"}),
    "profile": frozenset({"sectors"}),
    "category": frozenset({"category", "positions", "same_level"}),
}
EXPERIENCE_KEYS = frozenset({"years", "kind"}).union(*KIND_KEYS.values())


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a requirement's values. ``alternative``: its number (1-based), None for the whole."""

    code: str
    alternative: int | None = None
    params: dict = field(default_factory=dict, compare=False)


def text_problems(text: str) -> list[Problem]:
    """Problems of JSON text that make it unfit to parse: too long or too deeply nested (one linear scan)."""
    if len(text) > MAX_TEXT:
        return [Problem("text_too_long", params={"limit": MAX_TEXT})]
    depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return [Problem("too_deep", params={"limit": MAX_DEPTH})]
        elif char in "]}":
            depth -= 1
    return []


def problems(
    alternatives: object, *, field_codes: Iterable[str] | None = None, position_codes: Iterable[str] | None = None
) -> list[Problem]:
    """Everything wrong with a requirement's values, [] when they are valid.

    ``field_codes`` and ``position_codes``: the codes of the catalogue; None checks the shape and the vocabulary
    only (a code unknown to the catalogue matches nothing but breaks nothing)."""
    fields = None if field_codes is None else frozenset(field_codes)
    positions = None if position_codes is None else frozenset(position_codes)
    if not isinstance(alternatives, list) or not alternatives:
        return [Problem("alternatives_list")]
    if len(alternatives) > MAX_ALTERNATIVES:
        return [Problem("too_many_alternatives", params={"limit": MAX_ALTERNATIVES})]
    found: list[Problem] = []
    for number, alternative in enumerate(alternatives, start=1):
        found.extend(
            Problem(code, number, params) for code, params in _alternative_problems(alternative, fields, positions)
        )
    return found


def is_valid(alternatives: object) -> bool:
    """The shape and the vocabulary hold (what the engine needs to read the values)."""
    return not problems(alternatives)


_Found = Iterator[tuple[str, dict]]
_Codes = frozenset[str] | None


def _alternative_problems(alternative: object, fields: _Codes, positions: _Codes) -> _Found:
    if not isinstance(alternative, dict):
        yield "alternative_object", {}
        return
    unknown = [key for key in alternative if key not in ALTERNATIVE_KEYS]
    if unknown:
        yield "unknown_keys", {"keys": _shown(unknown)}
    source = alternative.get("source")
    if source is not None and (not isinstance(source, str) or len(source) > MAX_SOURCE):
        yield "source", {"limit": MAX_SOURCE}
    education = alternative.get("education")
    if not isinstance(education, list) or not education:
        yield "education_list", {}
    elif len(education) > MAX_CONDITIONS:
        yield "too_many_conditions", {"limit": MAX_CONDITIONS}
    else:
        for condition in education:
            yield from _condition_problems(condition, fields)
    experience = alternative.get("experience")
    if experience is not None:
        yield from _experience_problems(experience, positions)


def _condition_problems(condition: object, fields: _Codes) -> _Found:
    if not isinstance(condition, dict):
        yield "condition_object", {}
        return
    unknown = [key for key in condition if key not in CONDITION_KEYS]
    if unknown:
        yield "unknown_keys", {"keys": _shown(unknown)}
    yield from _codes_problems("levels", condition.get("levels"), EDUCATION_LEVEL_CODES, required=True)
    if condition.get("fields") is not None:
        yield from _codes_problems("fields", condition["fields"], fields)


def _experience_problems(experience: object, positions: _Codes) -> _Found:
    if not isinstance(experience, dict):
        yield "experience_object", {}
        return
    kind = experience.get("kind")
    if not isinstance(kind, str) or kind not in EXPERIENCE_KINDS:
        yield "kind", {"kinds": ", ".join(EXPERIENCE_KINDS)}
        allowed = EXPERIENCE_KEYS
    else:
        allowed = KIND_KEYS[kind] | {"years", "kind"}
        misplaced = [key for key in experience if key in EXPERIENCE_KEYS and key not in allowed]
        if misplaced:
            yield "keys_not_for_kind", {"keys": _shown(misplaced), "kind": kind}
    unknown = [key for key in experience if key not in EXPERIENCE_KEYS]
    if unknown:
        yield "unknown_keys", {"keys": _shown(unknown)}
    years = experience.get("years")
    # bool is a subclass of int: "years": true would read as 1 year.
    if not isinstance(years, int) or isinstance(years, bool) or not 0 <= years <= MAX_YEARS:
        yield "years", {"limit": MAX_YEARS}
    if "sectors" in experience or kind == "sectors":
        yield from _codes_problems("sectors", experience.get("sectors"), SECTOR_CODES, required=kind == "sectors")
    if kind == "category" and (
        not isinstance(experience.get("category"), str) or experience["category"] not in CATEGORY_CODES
    ):
        yield "previous_category", {}
    if experience.get("positions") is not None:
        yield from _codes_problems("positions", experience["positions"], positions)
    for flag in ("in_profile", "same_level"):
        if flag in experience and not isinstance(experience[flag], bool):
            yield "flag", {"key": flag}


def _codes_problems(key: str, codes: object, known: Iterable[str] | None, *, required: bool = False) -> _Found:
    """A list of distinct known codes (strings); with `required`, not empty."""
    if not isinstance(codes, list) or (required and not codes):
        yield "codes_list", {"key": key}
        return
    if len(codes) > MAX_CODES:
        yield "too_many_codes", {"key": key, "limit": MAX_CODES}
        return
    if not all(isinstance(code, str) and 0 < len(code) <= MAX_CODE_LENGTH for code in codes):
        yield "codes_list", {"key": key}
        return
    if len(set(codes)) != len(codes):
        yield "repeated_codes", {"key": key}
    if known is not None:
        for code in sorted(set(codes) - set(known)):
            yield "unknown_code", {"key": key, "code": code}


def _shown(keys: list) -> str:
    return ", ".join(sorted(str(key)[:MAX_CODE_LENGTH] for key in keys))
