"""The structured editor of a requirement's values (``Requirement.alternatives``): catalogue editors tick and pick,
never type JSON. The JSON stays the storage format; the editor reads it and writes it back in the one shape of
positions.schema (docs/design.md, "Requirements as data"), which checks what it writes.

Posted names (``name`` is the form field's name, A an alternative's key, C a condition's key; keys are short
tokens, their order in the page is the order of the list)::

    name                       one hidden input per alternative, value A
    name-A-condition           one hidden input per education condition of A, value C
    name-A-C-levels            ticked education levels          name-A-C-fields   ticked fields of the tree
    name-A-kind                "" (no experience) or an experience kind, then its keys:
    name-A-years  name-A-sectors  name-A-in_profile  name-A-category  name-A-positions  name-A-same_level
    name-A-source              the words of the order the alternative is read from

Every list of codes also posts ``…-order``: the codes in the order the version had, so a value the editor did not
touch is written back exactly as it was (the order of codes means nothing to the engine, but an unchanged
requirement should save as the same JSON). Codes ticked anew follow in the order of the page.

Every key of the schema has its control, so there is no "advanced" JSON fallback for valid values. What the editor
writes is one canonical shape: "fields" always (empty: any field), "experience" always (null: none); a category
experience with "positions" and "same_level", a managerial one with "in_profile", "sectors" only when ticked
(except the kind "sectors", which needs them). Values in another equivalent shape ("fields": null or missing, a
missing "same_level") are read and saved in this one. Only values that do not meet the schema at all (a row written
before the checks) cannot be shown as controls: they are shown as their JSON text, marked so, and a correction
starts from an empty editor.
"""

import json
import re

from django import forms

from positions import schema
from positions.labels import CATEGORY_CHOICES, EDUCATION_LEVEL_CHOICES, EXPERIENCE_KIND_CHOICES, SECTOR_CHOICES

KEY = re.compile(r"^[a-z0-9]{1,12}$")
YEARS = re.compile(r"^\d{1,4}$")
# Posted lists longer than the schema allows are cut one past its limit: the schema still says "too many", and a
# forged request with a million keys costs no more than that.
MAX_KEYS = max(schema.MAX_ALTERNATIVES, schema.MAX_CONDITIONS) + 1
MAX_POSTED_CODES = schema.MAX_CODES + 1


def _getlist(data, key: str) -> list:
    if hasattr(data, "getlist"):
        return data.getlist(key)
    value = data.get(key)
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _keys(data, key: str, limit: int) -> list[str]:
    seen: list[str] = []
    for value in _getlist(data, key):
        if isinstance(value, str) and KEY.match(value) and value not in seen:
            seen.append(value)
            if len(seen) == limit:
                break
    return seen


def _codes(data, key: str) -> list[str]:
    """The ticked codes: first those the version had, in its order, then new ones in the order of the page."""
    ticked: list[str] = []
    for value in _getlist(data, key)[: MAX_POSTED_CODES * 2]:
        if isinstance(value, str) and value not in ticked:
            ticked.append(value)
    order = str(data.get(f"{key}-order") or "").split()
    return [code for code in order if code in ticked] + [code for code in ticked if code not in order]


def _checked(data, key: str) -> bool:
    return data.get(key) not in (None, "", "0", "false")


def _experience(data, prefix: str) -> dict | None:
    kind = data.get(f"{prefix}-kind") or ""
    if not kind:
        return None
    years_text = str(data.get(f"{prefix}-years") or "").strip()
    # A number goes in as a number; anything else as typed, for the schema to refuse with its message.
    years: object = int(years_text) if YEARS.match(years_text) else (years_text or None)
    experience: dict = {"years": years, "kind": kind}
    sectors = _codes(data, f"{prefix}-sectors")
    if kind == "sectors":
        experience["sectors"] = sectors
    elif kind == "managerial":
        experience["in_profile"] = _checked(data, f"{prefix}-in_profile")
        if sectors:
            experience["sectors"] = sectors
    elif kind == "profile":
        if sectors:
            experience["sectors"] = sectors
    elif kind == "category":
        experience["category"] = data.get(f"{prefix}-category") or None
        experience["positions"] = _codes(data, f"{prefix}-positions")
        experience["same_level"] = _checked(data, f"{prefix}-same_level")
    return experience


class Posted(list):
    """Values read from the editor's controls: shown again as controls even when the schema refuses them (the
    form field names what to correct), unlike values read from elsewhere."""


def alternatives_from_post(data, name: str) -> Posted:
    """The values the editor's controls posted, in the schema's shape (checked by the form field, not here)."""
    alternatives = Posted()
    for alternative_key in _keys(data, name, MAX_KEYS):
        prefix = f"{name}-{alternative_key}"
        education = [
            {"levels": _codes(data, f"{prefix}-{key}-levels"), "fields": _codes(data, f"{prefix}-{key}-fields")}
            for key in _keys(data, f"{prefix}-condition", MAX_KEYS)
        ]
        alternative: dict = {"education": education, "experience": _experience(data, prefix)}
        source = str(data.get(f"{prefix}-source") or "").replace("\r\n", "\n")
        if source.strip():
            alternative["source"] = source
        alternatives.append(alternative)
    return alternatives


# --- rendering --------------------------------------------------------------------------------------------------


def _as_list(value) -> list:
    return value if isinstance(value, list) else []


def _as_codes(value) -> list[str]:
    return [code for code in _as_list(value) if isinstance(code, str)]


def _options(choices, chosen: list[str]) -> list[dict]:
    return [{"value": code, "label": label, "checked": code in chosen} for code, label in choices]


def _tree(nodes: list[dict], chosen: list[str]) -> list[dict]:
    return [
        {"value": node["code"], "label": node["label"], "checked": node["code"] in chosen,
         "children": _tree(node["children"], chosen)}
        for node in nodes
    ]  # fmt: skip


class AlternativesEditor(forms.Widget):
    """Alternatives as blocks of controls; static/js/alternatives-editor.js adds and removes alternatives and
    education conditions and shows the keys of the chosen kind of experience. ``catalogue`` is a callable giving
    the field tree and the positions (positions.forms.editor_catalogue), read when the widget is rendered."""

    template_name = "positions/widgets/alternatives_editor.html"

    class Media:
        css = {"all": ["css/alternatives-editor.css"]}
        js = ["js/alternatives-editor.js"]

    def __init__(self, attrs=None, catalogue=None):
        super().__init__(attrs)
        self.catalogue = catalogue

    def value_from_datadict(self, data, files, name):
        if self.value_omitted_from_data(data, files, name):
            return None
        return alternatives_from_post(data, name)

    def value_omitted_from_data(self, data, files, name):
        return f"{name}-editor" not in data

    def format_value(self, value):
        if isinstance(value, str):  # initial data given as JSON text (a query string, a test)
            try:
                return json.loads(value)
            except ValueError:
                return value
        return value

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        value = context["widget"]["value"]
        fields, positions = self.catalogue() if self.catalogue else ([], [])
        readable = value in (None, "", []) or isinstance(value, Posted) or schema.is_valid(value)
        if value in (None, "", []):
            value = [{"education": [{"levels": [], "fields": []}], "experience": None}]
        blank = {"education": [{"levels": [], "fields": []}], "experience": None}
        context["editor"] = {
            "readable": readable,
            "json": "" if readable else json.dumps(value, ensure_ascii=False, indent=2),
            "alternatives": [
                self._alternative(str(number), alternative, fields, positions)
                for number, alternative in enumerate(value if readable else [blank])
            ],
            "blank": self._alternative("__alt__", blank, fields, positions),
            "kinds": EXPERIENCE_KIND_CHOICES,
            "disabled": bool(context["widget"]["attrs"].get("disabled")),
            "limit": schema.MAX_ALTERNATIVES,
            "conditions_limit": schema.MAX_CONDITIONS,
        }
        return context

    def _alternative(self, key: str, alternative, fields, positions) -> dict:
        alternative = alternative if isinstance(alternative, dict) else {}
        experience = alternative.get("experience")
        experience = experience if isinstance(experience, dict) else {}
        conditions = [c for c in _as_list(alternative.get("education")) if isinstance(c, dict)]
        sectors = _as_codes(experience.get("sectors"))
        chosen_positions = _as_codes(experience.get("positions"))
        years = experience.get("years")
        return {
            "key": key,
            "conditions": [
                self._condition(str(number), condition, fields) for number, condition in enumerate(conditions)
            ],
            "blank_condition": self._condition("__cond__", {}, fields),
            "kind": experience.get("kind") or "",
            "years": "" if years is None or isinstance(years, bool) else years,
            "sectors": _options(SECTOR_CHOICES, sectors),
            "sectors_order": " ".join(sectors),
            # Ticked for a new experience: managerial posts in the profile and category years at the same level are
            # what the order says where it asks for them (docs/glossary.md, readings managerial_by_profile,
            # previous_category_same_post); the editor unticks them where an amendment says otherwise. A missing
            # "in_profile" of a recorded managerial experience reads as false, as the engine reads it.
            "in_profile": experience.get("in_profile", experience.get("kind") != "managerial") is True,
            "category": experience.get("category") or "",
            "categories": CATEGORY_CHOICES,
            "positions": _options(positions, chosen_positions),
            "positions_order": " ".join(chosen_positions),
            "same_level": experience.get("same_level", True) is True,
            "source": alternative.get("source") if isinstance(alternative.get("source"), str) else "",
        }

    def _condition(self, key: str, condition: dict, fields) -> dict:
        levels = _as_codes(condition.get("levels"))
        chosen_fields = _as_codes(condition.get("fields"))
        return {
            "key": key,
            "levels": _options(EDUCATION_LEVEL_CHOICES, levels),
            "levels_order": " ".join(levels),
            "fields": _tree(fields, chosen_fields),
            "fields_order": " ".join(chosen_fields),
        }
