"""Parser of the official Kazakh text of order No. 580-НҚ (with the amendments of No. 188-НҚ).

Pure Python (stdlib only, no Django): it turns the shipped text
``positions/data/order-580-nk.kk.txt`` into frozen dataclasses so that the catalogue can be
seeded from, and checked against, the legal source.

Vocabulary (docs/glossary.md, "The order"):

* бөлім     -- section of the annex (1: general provisions, 2: the positions);
* параграф  -- one position (12 of them, §1..§12);
* тармақ    -- item, numbered 1..39 throughout the annex ("N. ..." at the start of a line);
* абзац     -- a clause (paragraph of text) inside an item; the item's first line, after the
               "N. " number, is абзац 1.

The text is official: it is kept verbatim, typos included. Only whitespace is normalised
(stripped, and runs of whitespace collapsed to a single space).

Two kinds of editorial notes are recognised; neither is a clause:

* "ЗҚАИ-ның ескертпесі!" followed by one or more lines ending in "бұйрығымен." -- a note of the
  legal-information institute saying that абзац K of item N has a new wording by 188-НҚ. The
  note attaches to the clause right after it, and the parser cross-checks that this clause
  really is абзац K of item N (this validates the абзац counting);
* "Ескерту. 12-параграфтың тақырыбы жаңа редакцияда ..." right under a paragraph heading -- the
  new wording of that paragraph's title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .data.catalogue import POSITIONS

__all__ = [
    "SHIPPED_TEXT_PATH",
    "AmendmentNote",
    "ParseError",
    "ParsedClause",
    "ParsedItem",
    "ParsedOrder",
    "ParsedParagraph",
    "ParsedSection",
    "kazakh_ordinal",
    "normalize_whitespace",
    "parse_order",
    "read_shipped_text",
]

SHIPPED_TEXT_PATH: Path = Path(__file__).resolve().parent / "data" / "order-580-nk.kk.txt"

# Item kinds. Items directly under a section (items 1-3 of section 1) are "general"; the three
# items of every paragraph are, in this order, duties / knowledge / requirements.
KIND_GENERAL = "general"
KIND_DUTIES = "duties"
KIND_KNOWLEDGE = "knowledge"
KIND_REQUIREMENTS = "requirements"
PARAGRAPH_ITEM_KINDS: tuple[str, ...] = (KIND_DUTIES, KIND_KNOWLEDGE, KIND_REQUIREMENTS)

# How the first clause (абзац 1) of each kind of paragraph item begins in the order.
# "Мыныларды:" (items 35, 38) is an official typo of "Мыналарды:".
_KIND_OPENINGS: dict[str, re.Pattern[str]] = {
    KIND_DUTIES: re.compile(r"^Лауазымдық міндеттері:"),
    KIND_KNOWLEDGE: re.compile(r"^(?:Мыналарды|Мыныларды):"),
    KIND_REQUIREMENTS: re.compile(r"^Біліктілікке қойылатын талаптар:"),
}


class ParseError(ValueError):
    """The text does not have the structure the parser expects.

    ``line`` is the 1-based line number in the parsed text (None when not tied to a line).
    """

    def __init__(self, message: str, line: int | None = None) -> None:
        self.line = line
        super().__init__(f"line {line}: {message}" if line is not None else message)


# --------------------------------------------------------------------------------------------
# Data model
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AmendmentNote:
    """An amendment note: a ЗҚАИ note on an абзац, or the "Ескерту." note on a title.

    ``text`` is the note verbatim, whitespace-normalised; for a ЗҚАИ note it is the text after
    the "ЗҚАИ-ның ескертпесі!" marker line (its lines joined with single spaces); for the title
    note it is the whole "Ескерту. ..." line.
    """

    text: str
    act_number: str
    act_date: date
    effective_date: date | None
    item_number: int | None
    clause_number: int | None


@dataclass(frozen=True)
class ParsedClause:
    number: int
    text: str
    amendment: AmendmentNote | None = None


@dataclass(frozen=True)
class ParsedItem:
    number: int
    kind: str
    clauses: tuple[ParsedClause, ...]

    @property
    def text(self) -> str:
        """All clauses joined with single spaces (= the item's text, whitespace-collapsed,
        without the leading "N. " and without notes)."""
        return " ".join(clause.text for clause in self.clauses)

    def clause(self, number: int) -> ParsedClause:
        """The абзац with this 1-based number."""
        if not 1 <= number <= len(self.clauses):
            raise KeyError(f"item {self.number} has no абзац {number}")
        return self.clauses[number - 1]


@dataclass(frozen=True)
class ParsedParagraph:
    number: int
    heading: str
    title: str
    position_code: str
    title_amendment: AmendmentNote | None
    items: tuple[ParsedItem, ...]


@dataclass(frozen=True)
class ParsedSection:
    number: int
    heading: str
    items: tuple[ParsedItem, ...]
    paragraphs: tuple[ParsedParagraph, ...]


@dataclass(frozen=True)
class ParsedOrder:
    title: str
    number: str
    date: date
    annex_title: str
    sections: tuple[ParsedSection, ...]

    def items(self) -> list[ParsedItem]:
        """All items of the annex (1..39) in order."""
        result: list[ParsedItem] = []
        for section in self.sections:
            result.extend(section.items)
            for paragraph in section.paragraphs:
                result.extend(paragraph.items)
        return result

    def item(self, number: int) -> ParsedItem:
        for item in self.items():
            if item.number == number:
                return item
        raise KeyError(f"no item {number} in the annex")

    def paragraphs(self) -> list[ParsedParagraph]:
        return [paragraph for section in self.sections for paragraph in section.paragraphs]


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def normalize_whitespace(text: str) -> str:
    """Strip and collapse every run of whitespace (incl. no-break spaces) to one space."""
    return " ".join(text.split())


# Kazakh ordinal numerals, as used in the notes ("5-тармақтың тоғызыншы абзацы").
_UNIT_ORDINALS = {
    "бірінші": 1,
    "екінші": 2,
    "үшінші": 3,
    "төртінші": 4,
    "бесінші": 5,
    "алтыншы": 6,
    "жетінші": 7,
    "сегізінші": 8,
    "тоғызыншы": 9,
}
_TENS_ORDINALS = {"оныншы": 10, "жиырмасыншы": 20, "отызыншы": 30, "қырқыншы": 40}
_TENS_CARDINALS = {"он": 10, "жиырма": 20, "отыз": 30, "қырық": 40}


def kazakh_ordinal(words: str) -> int:
    """Value of a Kazakh ordinal numeral: "бірінші" -> 1, "оныншы" -> 10, "он бірінші" -> 11,
    "жиырмасыншы" -> 20, "жиырма екінші" -> 22 (1..49). Raises ValueError otherwise."""
    parts = words.lower().split()
    if len(parts) == 1:
        word = parts[0]
        if word in _UNIT_ORDINALS:
            return _UNIT_ORDINALS[word]
        if word in _TENS_ORDINALS:
            return _TENS_ORDINALS[word]
    elif len(parts) == 2 and parts[0] in _TENS_CARDINALS and parts[1] in _UNIT_ORDINALS:
        return _TENS_CARDINALS[parts[0]] + _UNIT_ORDINALS[parts[1]]
    raise ValueError(f"not a Kazakh ordinal numeral: {words!r}")


# Month names in the genitive-locative form used in dates ("24 қазандағы"): matched by prefix.
_MONTHS = {
    "қаңтар": 1,
    "ақпан": 2,
    "наурыз": 3,
    "сәуір": 4,
    "мамыр": 5,
    "маусым": 6,
    "шілде": 7,
    "тамыз": 8,
    "қыркүйек": 9,
    "қазан": 10,
    "қараша": 11,
    "желтоқсан": 12,
}


def _month(word: str) -> int | None:
    word = word.lower()
    for name, number in _MONTHS.items():
        if word.startswith(name):
            return number
    return None


def _dotted_date(text: str, line: int | None) -> date:
    """dd.mm.yyyy -> date."""
    try:
        day, month, year = (int(part) for part in text.split("."))
        return date(year, month, day)
    except ValueError as exc:
        raise ParseError(f"bad date {text!r}", line) from exc


# --------------------------------------------------------------------------------------------
# Line patterns
# --------------------------------------------------------------------------------------------

# "Қазақстан Республикасы ... министрінің 2025 жылғы 24 қазандағы № 580-НҚ бұйрығы."
_ORDER_LINE_RE = re.compile(r"(?P<year>\d{4}) жылғы (?P<day>\d{1,2}) (?P<month>\w+) № ?(?P<number>\S+) бұйрығы\.?$")
# "1-бөлім. Жалпы ережелер"
_SECTION_RE = re.compile(r"^(?P<number>\d+)\s*-\s*бөлім\.\s*(?P<title>.+)$")
# "1-параграф. ...", "5 -параграф. ...", "12 - параграф. ...", "Параграф 6. ..."
_PARAGRAPH_RE = re.compile(r"^(?:(?P<n1>\d+)\s*-\s*параграф|Параграф\s+(?P<n2>\d+))\.\s*(?P<title>.+)$")
# "4. Лауазымдық міндеттері:" -- the item number, then the item's first абзац.
_ITEM_RE = re.compile(r"^(?P<number>\d+)\.\s+(?P<rest>.+)$")

_NOTE_MARKER = "ЗҚАИ-ның ескертпесі!"
_NOTE_END = "бұйрығымен."
_NOTE_MAX_LINES = 4  # the shipped notes have 2 lines; more means the end was not found

# Shared tail of both kinds of notes:
# "… министрінің 16.04.2026 № 188-НҚ (12.07.2026 бастап қолданысқа енгізіледі) бұйрығымен."
_NOTE_TAIL = (
    r"(?P<issuer>.+?) (?P<act_date>\d{2}\.\d{2}\.\d{4}) № ?(?P<act>\S+) "
    r"\((?P<effective>[^()]+)\) бұйрығымен\.$"
)
# "5-тармақтың тоғызыншы абзацы жаңа редакцияда көзделген – ҚР Премьер-Министрінің …"
_CLAUSE_NOTE_RE = re.compile(
    r"^(?P<item>\d+)-тармақтың (?P<ordinal>.+?) абзацы жаңа редакцияда көзделген [–-] " + _NOTE_TAIL
)
# "Ескерту. 12-параграфтың тақырыбы жаңа редакцияда – ҚР Премьер-Министрінің …"
_TITLE_NOTE_RE = re.compile(r"^Ескерту\. (?P<paragraph>\d+)-параграфтың тақырыбы жаңа редакцияда [–-] " + _NOTE_TAIL)
_EFFECTIVE_ON_RE = re.compile(r"^(?P<date>\d{2}\.\d{2}\.\d{4}) бастап қолданысқа енгізіледі$")
# The date is not in the text: "ten calendar days after the first official publication".
_EFFECTIVE_UNKNOWN = "алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі"

# A source line that ends without one of these and is followed by a line starting with a
# lowercase letter continues the same sentence (the source breaks lines mid-sentence in
# items 12, 27, 28 and 31); the two lines form one абзац.
_CLAUSE_ENDINGS = (".", ";", ":")


def _effective_date(text: str, line: int) -> date | None:
    match = _EFFECTIVE_ON_RE.match(text)
    if match:
        return _dotted_date(match["date"], line)
    if text == _EFFECTIVE_UNKNOWN:
        return None
    raise ParseError(f"unrecognised entry-into-force wording {text!r}", line)


# --------------------------------------------------------------------------------------------
# Parser
# --------------------------------------------------------------------------------------------


class _ItemBuilder:
    def __init__(self, number: int, kind: str, line: int) -> None:
        self.number = number
        self.kind = kind
        self.line = line
        self.clauses: list[ParsedClause] = []

    def build(self) -> ParsedItem:
        return ParsedItem(self.number, self.kind, tuple(self.clauses))


class _ParagraphBuilder:
    def __init__(self, number: int, heading: str, title: str, code: str, line: int) -> None:
        self.number = number
        self.heading = heading
        self.title = title
        self.code = code
        self.line = line
        self.title_amendment: AmendmentNote | None = None
        self.items: list[ParsedItem] = []


class _SectionBuilder:
    def __init__(self, number: int, heading: str, line: int) -> None:
        self.number = number
        self.heading = heading
        self.line = line
        self.items: list[ParsedItem] = []
        self.paragraphs: list[ParsedParagraph] = []


class _AnnexParser:
    """A line-by-line state machine over the annex (from "1-бөлім" to the end)."""

    def __init__(self, lines: list[tuple[int, str]]) -> None:
        # (1-based line number, whitespace-normalised text) of the non-empty lines
        self.lines = lines
        self.pos = 0
        self.sections: list[ParsedSection] = []
        self.section: _SectionBuilder | None = None
        self.paragraph: _ParagraphBuilder | None = None
        self.item: _ItemBuilder | None = None
        self.pending_note: tuple[AmendmentNote, int] | None = None
        self.next_item_number = 1
        self.codes: dict[int, str] = {position["paragraph"]: position["code"] for position in POSITIONS}

    # ---- driving loop -------------------------------------------------------------------

    def parse(self) -> tuple[ParsedSection, ...]:
        while self.pos < len(self.lines):
            lineno, text = self.lines[self.pos]
            self.pos += 1
            if text == _NOTE_MARKER:
                self._note(lineno)
            elif match := _SECTION_RE.match(text):
                self._section(lineno, text, int(match["number"]))
            elif match := _PARAGRAPH_RE.match(text):
                number = int(match["n1"] or match["n2"])
                self._paragraph(lineno, text, number, match["title"])
            elif text.startswith("Ескерту."):
                self._title_note(lineno, text)
            elif match := _ITEM_RE.match(text):
                self._item(lineno, int(match["number"]), match["rest"])
            else:
                self._clause_line(lineno, text)
        end = self.lines[-1][0] if self.lines else None
        self._close_section(end)
        self._check_whole(end)
        return tuple(self.sections)

    # ---- structure ----------------------------------------------------------------------

    def _section(self, lineno: int, heading: str, number: int) -> None:
        self._close_section(lineno)
        expected = len(self.sections) + 1
        if number != expected:
            raise ParseError(f"expected section {expected}, found section {number}", lineno)
        self.section = _SectionBuilder(number, heading, lineno)

    def _paragraph(self, lineno: int, heading: str, number: int, title: str) -> None:
        if self.section is None:
            raise ParseError("paragraph heading outside any section", lineno)
        self._close_paragraph(lineno)
        expected = len([p for s in self.sections for p in s.paragraphs])
        expected += len(self.section.paragraphs) + 1
        if number != expected:
            raise ParseError(f"expected paragraph {expected}, found paragraph {number}", lineno)
        if number not in self.codes:
            raise ParseError(f"paragraph {number} has no position in the catalogue", lineno)
        self.paragraph = _ParagraphBuilder(number, heading, title, self.codes[number], lineno)

    def _item(self, lineno: int, number: int, first_clause: str) -> None:
        # A line "N. ..." starts an item; items are numbered 1..39 throughout the annex.
        if number != self.next_item_number:
            raise ParseError(f"expected item {self.next_item_number}, found item number {number}", lineno)
        if self.section is None:
            raise ParseError(f"item {number} outside any section", lineno)
        self._close_item()
        if self.paragraph is not None:
            index = len(self.paragraph.items)
            if index >= len(PARAGRAPH_ITEM_KINDS):
                raise ParseError(
                    f"paragraph {self.paragraph.number} has more than "
                    f"{len(PARAGRAPH_ITEM_KINDS)} items (item {number})",
                    lineno,
                )
            kind = PARAGRAPH_ITEM_KINDS[index]
            if not _KIND_OPENINGS[kind].match(first_clause):
                raise ParseError(
                    f"item {number} should be the {kind} item of paragraph "
                    f"{self.paragraph.number} but begins {first_clause[:40]!r}",
                    lineno,
                )
        elif self.section.paragraphs:
            raise ParseError(f"item {number} after the paragraphs, outside any paragraph", lineno)
        else:
            kind = KIND_GENERAL
        self.item = _ItemBuilder(number, kind, lineno)
        self.next_item_number = number + 1
        self._add_clause(lineno, first_clause)

    def _clause_line(self, lineno: int, text: str) -> None:
        if self.item is None:
            where = "a paragraph heading" if self.paragraph else "a section heading"
            raise ParseError(f"text after {where} and before any item: {text[:40]!r}", lineno)
        clauses = self.item.clauses
        if (
            self.pending_note is None
            and clauses
            and not clauses[-1].text.endswith(_CLAUSE_ENDINGS)
            and text[0].islower()
        ):
            # A sentence broken over two source lines (items 12, 27, 28, 31): one абзац.
            last = clauses[-1]
            clauses[-1] = ParsedClause(last.number, f"{last.text} {text}", last.amendment)
            return
        self._add_clause(lineno, text)

    def _add_clause(self, lineno: int, text: str) -> None:
        assert self.item is not None
        number = len(self.item.clauses) + 1
        note = None
        if self.pending_note is not None:
            note, note_line = self.pending_note
            self.pending_note = None
            # Cross-check: the note names the абзац it stands before.
            if (note.item_number, note.clause_number) != (self.item.number, number):
                raise ParseError(
                    f"the note of line {note_line} names item {note.item_number} "
                    f"абзац {note.clause_number}, but it stands before item "
                    f"{self.item.number} абзац {number}",
                    lineno,
                )
        self.item.clauses.append(ParsedClause(number, text, note))

    # ---- notes --------------------------------------------------------------------------

    def _note(self, lineno: int) -> None:
        if self.item is None:
            raise ParseError("ЗҚАИ note outside any item", lineno)
        if self.pending_note is not None:
            raise ParseError("two ЗҚАИ notes in a row", lineno)
        parts: list[str] = []
        while not (parts and parts[-1].endswith(_NOTE_END)):
            if self.pos >= len(self.lines) or len(parts) >= _NOTE_MAX_LINES:
                raise ParseError(f"ЗҚАИ note does not end with {_NOTE_END!r}", lineno)
            parts.append(self.lines[self.pos][1])
            self.pos += 1
        text = " ".join(parts)
        match = _CLAUSE_NOTE_RE.match(text)
        if match is None:
            raise ParseError(f"unrecognised ЗҚАИ note {text!r}", lineno)
        try:
            clause_number = kazakh_ordinal(match["ordinal"])
        except ValueError as exc:
            raise ParseError(str(exc), lineno) from exc
        note = AmendmentNote(
            text=text,
            act_number=match["act"],
            act_date=_dotted_date(match["act_date"], lineno),
            effective_date=_effective_date(match["effective"], lineno),
            item_number=int(match["item"]),
            clause_number=clause_number,
        )
        self.pending_note = (note, lineno)

    def _title_note(self, lineno: int, text: str) -> None:
        paragraph = self.paragraph
        if paragraph is None or paragraph.items or self.item is not None:
            raise ParseError("an 'Ескерту.' note must stand right under a paragraph heading", lineno)
        if paragraph.title_amendment is not None:
            raise ParseError(f"paragraph {paragraph.number} has two title notes", lineno)
        match = _TITLE_NOTE_RE.match(text)
        if match is None:
            raise ParseError(f"unrecognised 'Ескерту.' note {text!r}", lineno)
        if int(match["paragraph"]) != paragraph.number:
            raise ParseError(
                f"the title note names paragraph {match['paragraph']} but stands under paragraph {paragraph.number}",
                lineno,
            )
        paragraph.title_amendment = AmendmentNote(
            text=text,
            act_number=match["act"],
            act_date=_dotted_date(match["act_date"], lineno),
            effective_date=_effective_date(match["effective"], lineno),
            item_number=None,
            clause_number=None,
        )

    # ---- closing ------------------------------------------------------------------------

    def _close_item(self) -> None:
        if self.pending_note is not None:
            note, note_line = self.pending_note
            raise ParseError(
                f"the ЗҚАИ note on item {note.item_number} is not followed by a clause",
                note_line,
            )
        if self.item is None:
            return
        item = self.item.build()
        self.item = None
        if self.paragraph is not None:
            self.paragraph.items.append(item)
        else:
            assert self.section is not None
            self.section.items.append(item)

    def _close_paragraph(self, lineno: int | None) -> None:
        self._close_item()
        paragraph = self.paragraph
        if paragraph is None:
            return
        self.paragraph = None
        if len(paragraph.items) != len(PARAGRAPH_ITEM_KINDS):
            raise ParseError(
                f"paragraph {paragraph.number} has {len(paragraph.items)} items, "
                f"expected {len(PARAGRAPH_ITEM_KINDS)} (duties, knowledge, requirements)",
                lineno,
            )
        assert self.section is not None
        self.section.paragraphs.append(
            ParsedParagraph(
                number=paragraph.number,
                heading=paragraph.heading,
                title=paragraph.title,
                position_code=paragraph.code,
                title_amendment=paragraph.title_amendment,
                items=tuple(paragraph.items),
            )
        )

    def _close_section(self, lineno: int | None) -> None:
        self._close_paragraph(lineno)
        section = self.section
        if section is None:
            return
        self.section = None
        if not section.items and not section.paragraphs:
            raise ParseError(f"section {section.number} is empty", section.line)
        self.sections.append(
            ParsedSection(
                number=section.number,
                heading=section.heading,
                items=tuple(section.items),
                paragraphs=tuple(section.paragraphs),
            )
        )

    def _check_whole(self, lineno: int | None) -> None:
        found = [p.number for s in self.sections for p in s.paragraphs]
        expected = sorted(self.codes)
        if found != expected:
            raise ParseError(f"the annex has paragraphs {found}, the catalogue expects {expected}", lineno)


def parse_order(text: str) -> ParsedOrder:
    """Parse the order's text (see the module docstring). Raises ParseError."""
    numbered = [(index + 1, normalize_whitespace(raw)) for index, raw in enumerate(text.splitlines())]
    non_empty = [(lineno, line) for lineno, line in numbered if line]  # (1-based line number, text)
    if not non_empty:
        raise ParseError("the text is empty")

    # Preamble: the title is the first line; the number and date come from the line
    # "… министрінің 2025 жылғы 24 қазандағы № 580-НҚ бұйрығы." (items 1-4 of the order
    # itself are not items of the catalogue and are not structured).
    title = non_empty[0][1]
    annex_start = next(
        (i for i, (_, line) in enumerate(non_empty) if (m := _SECTION_RE.match(line)) and m["number"] == "1"),
        None,
    )
    if annex_start is None:
        raise ParseError('the annex ("1-бөлім. …") was not found')
    if annex_start < 2:
        raise ParseError("no title/annex title before the annex", non_empty[annex_start][0])

    order_match = None
    for lineno, line in non_empty[1:annex_start]:
        order_match = _ORDER_LINE_RE.search(line)
        if order_match:
            month = _month(order_match["month"])
            if month is None:
                raise ParseError(f"unknown month {order_match['month']!r}", lineno)
            try:
                order_date = date(int(order_match["year"]), month, int(order_match["day"]))
            except ValueError as exc:
                raise ParseError(f"bad order date: {exc}", lineno) from exc
            break
    if order_match is None:
        raise ParseError('the order\'s number and date line ("… № … бұйрығы.") was not found')

    # The annex title is the last line before "1-бөлім".
    annex_title = non_empty[annex_start - 1][1]

    sections = _AnnexParser(non_empty[annex_start:]).parse()
    return ParsedOrder(
        title=title,
        number=order_match["number"],
        date=order_date,
        annex_title=annex_title,
        sections=sections,
    )


def read_shipped_text() -> str:
    """The shipped official text of the order (UTF-8)."""
    return SHIPPED_TEXT_PATH.read_text(encoding="utf-8")
