"""Names as people type them: the key that matches a unit typed with a Latin look-alike letter to the existing
one, and (below) the Kazakh alphabetical order and the search folding of Kazakh і and Latin i.

Plain Python (no Django): the workbook reader, the import writer and the models all call it."""

from __future__ import annotations

import re

# Latin letters that look like Cyrillic ones; typed by mistake (a Latin keyboard layout, a copied text), they
# make "Бөлiм" (Latin i) a different name from "Бөлім" (Kazakh і). Capitals that only look alike as capitals
# (B, H, K, M, T) are mapped before case folding, the rest after it.
_CAPITALS = str.maketrans("ABCEHIKMOPTXY", "АВСЕНІКМОРТХУ")
_SMALL = str.maketrans("aceiopxy", "асеіорху")
_SPACES = re.compile(r"\s+")


def unit_key(name: str) -> str:
    """Two unit names with the same key are the same unit: they differ only by case, spaces or a Latin letter
    that looks like a Cyrillic one (Latin i and Kazakh і, Latin a/c/e/o/p/x/y and Cyrillic а/с/е/о/р/х/у)."""
    text = _SPACES.sub(" ", name).strip()
    return text.translate(_CAPITALS).casefold().translate(_SMALL)


# ---------------------------------------------------------------------------------------- Kazakh alphabetical order
# The 42 letters of the Kazakh Cyrillic alphabet in order. Code-point order is wrong for Kazakh (І sorts before А
# and Ә Ғ Қ Ң Ө Ұ Ү Һ after Я), and the databases' collations differ, so names are sorted by a key made of digits
# only: every collation orders strings of digits the same way, so SQLite and PostgreSQL sort alike.
KAZAKH_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
_SEPARATOR = "00"  # between last, first and middle name: a shorter last name comes first ("Ан" before "Ана")
_GAP = "01"  # a space, hyphen or apostrophe inside a name
_OTHER = "99"  # any other character
_CODES: dict[str, str] = {}
for _i, _digit in enumerate("0123456789"):
    _CODES[_digit] = f"{2 + _i:02d}"
for _i, _letter in enumerate(KAZAKH_ALPHABET):
    _CODES[_letter] = f"{12 + _i:02d}"
for _i, _letter in enumerate("abcdefghijklmnopqrstuvwxyz"):
    _CODES[_letter] = f"{54 + _i:02d}"
_CODES["i"] = _CODES["і"]  # Latin i typed for Kazakh і (the look-alike the search treats as one letter)
_GAPS = set(" -‐‑–'’ʼ`.")
# The longest key: three names of at most 100 characters, two digits each, and two separators.
NAME_KEY_LENGTH = 2 * (3 * 100 + 2)


class _Table(dict):
    """str.translate's table: each character to its two digits, computed once per character."""

    def __missing__(self, codepoint: int) -> str:
        char = chr(codepoint)
        code = _CODES.get(char) or (_GAP if char in _GAPS or char.isspace() else _OTHER)
        self[codepoint] = code
        return code


_TABLE = _Table()


def _letters_key(text: str) -> str:
    return text.strip().casefold().translate(_TABLE)


def name_key(last_name: str, first_name: str = "", middle_name: str = "") -> str:
    """The key that sorts people by last, first and middle name in the order of the Kazakh alphabet
    (А Ә Б В Г Ғ Д Е Ё Ж З И Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү Ф Х Һ Ц Ч Ш Щ Ъ Ы І Ь Э Ю Я), case ignored; digits
    before letters, Latin letters after Cyrillic ones."""
    return _SEPARATOR.join(_letters_key(part or "") for part in (last_name, first_name, middle_name))


# ------------------------------------------------------------------------------------------------------- search
def search_fold(text: str) -> str:
    """Lower case, with Latin i read as Kazakh і (they look alike; Russian и is another letter): applied to the
    stored search text and to the words searched, so "Бөлiм" (Latin i) finds "Бөлім"."""
    return text.lower().replace("i", "і")
