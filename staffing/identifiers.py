"""Kazakhstan's personal and business identification numbers.

ЖСН / ИИН (жеке сәйкестендіру нөмірі, individual identification number) and
БСН / БИН (бизнес-сәйкестендіру нөмірі, business identification number) are both
12 digits whose last digit is a check digit (Government decree No. 565 of
11.06.2003).

ИИН layout::

    Y Y M M D D  C  S S S S  K
    1 2 3 4 5 6  7  8 9 10 11 12

* digits 1-6: the birth date, YYMMDD;
* digit 7: century and sex: 1/2 born in the 1800s, 3/4 in the 1900s, 5/6 in the
  2000s; odd = male, even = female;
* digits 8-11: a serial number;
* digit 12: the check digit.

Check digit: the sum of digits 1-11 with weights 1, 2, ..., 11, mod 11.  If
that is 10, the sum is taken again with weights 3, 4, ..., 11, 1, 2, mod 11.
If that is also 10, no check digit exists: such an 11-digit prefix is never
issued, and a 12-digit number starting with it is invalid (code
``"no_check_digit"``).  The business number uses the same check digit.

A limit of the algorithm (not of this code): digit 11 has weight 11, which is 0
mod 11, so in the first pass it does not affect the check digit at all.  Changing
digit 11 of a valid number whose first-pass sum is not 10 gives another valid
number (with the same birth date and sex).  Every other single-digit change is
caught, except in digits 8-10 when exactly one of the two numbers needs the
second pass.

Pure Python, standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

__all__ = [
    "IdentifierError",
    "IinInfo",
    "check_digit",
    "parse_iin",
    "validate_bin",
    "make_iin",
]

_WEIGHTS_1 = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
_WEIGHTS_2 = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
_DIGITS = frozenset("0123456789")

# digit 7 -> (first year of the century, sex)
_CENTURY_SEX = {
    "1": (1800, "M"),
    "2": (1800, "F"),
    "3": (1900, "M"),
    "4": (1900, "F"),
    "5": (2000, "M"),
    "6": (2000, "F"),
}
_DIGIT_FOR = {v: k for k, v in _CENTURY_SEX.items()}

_MESSAGES = {
    "length": "must have exactly 12 digits",
    "not_digits": "must contain only the digits 0-9",
    "birth_date": "digits 1-6 are not a real date (YYMMDD)",
    "century": "digit 7 (century and sex) must be 1-6",
    "check_digit": "the check digit (digit 12) does not match",
    "no_check_digit": "digits 1-11 admit no check digit, so the number cannot exist",
}


class IdentifierError(ValueError):
    """An invalid ИИН/БИН.  ``code`` is one of:

    ``"length"``, ``"not_digits"``, ``"birth_date"``, ``"century"``,
    ``"check_digit"``, ``"no_check_digit"``.
    """

    def __init__(self, code: str, value: str = "") -> None:
        self.code = code
        self.value = value
        super().__init__(f"{_MESSAGES.get(code, code)}: {value!r}")


@dataclass(frozen=True)
class IinInfo:
    """What an ИИН tells: the birth date and the sex (``"M"`` or ``"F"``)."""

    birth_date: date
    sex: str


def _clean(value: str) -> str:
    """Remove all whitespace (people type "900101 300 123") and check the shape."""
    if not isinstance(value, str):
        raise TypeError(f"expected str, got {type(value).__name__}")
    cleaned = "".join(value.split())
    # str.isdigit() would accept "²" or Arabic-Indic digits: only ASCII digits count.
    if not cleaned or not set(cleaned) <= _DIGITS:
        raise IdentifierError("not_digits" if cleaned else "length", value)
    if len(cleaned) != 12:
        raise IdentifierError("length", value)
    return cleaned


def check_digit(first11: str) -> int | None:
    """The check digit for 11 ASCII digits, or None when none exists.

    >>> check_digit("90010130012")   # 1*9 + 4*1 + 6*1 + 7*3 + 10*1 + 11*2 = 72; 72 % 11 = 6
    6
    """
    if len(first11) != 11 or not set(first11) <= _DIGITS:
        raise IdentifierError("length" if set(first11) <= _DIGITS else "not_digits", first11)
    digits = [ord(c) - 48 for c in first11]
    k = sum(w * d for w, d in zip(_WEIGHTS_1, digits, strict=True)) % 11
    if k == 10:
        k = sum(w * d for w, d in zip(_WEIGHTS_2, digits, strict=True)) % 11
        if k == 10:
            return None
    return k


def _verify_check_digit(cleaned: str, value: str) -> None:
    expected = check_digit(cleaned[:11])
    if expected is None:
        raise IdentifierError("no_check_digit", value)
    if expected != ord(cleaned[11]) - 48:
        raise IdentifierError("check_digit", value)


def parse_iin(value: str) -> IinInfo:
    """Validate an ИИН and return its birth date and sex.

    Whitespace anywhere is ignored.  The checks run in this order, and the first
    failure raises :class:`IdentifierError` with its code: ``not_digits``,
    ``length``, ``century`` (digit 7 not in 1-6; checked before the date because
    the century decides whether 29 February exists), ``birth_date``,
    ``no_check_digit``, ``check_digit``.

    A birth date in the future is not rejected here: that depends on "today",
    which a caller knows better.
    """
    cleaned = _clean(value)
    century_sex = _CENTURY_SEX.get(cleaned[6])
    if century_sex is None:
        raise IdentifierError("century", value)
    century, sex = century_sex
    try:
        birth = date(century + int(cleaned[0:2]), int(cleaned[2:4]), int(cleaned[4:6]))
    except ValueError:
        raise IdentifierError("birth_date", value) from None
    _verify_check_digit(cleaned, value)
    return IinInfo(birth_date=birth, sex=sex)


def validate_bin(value: str) -> str:
    """Validate a БИН (12 digits and the check digit); return it without whitespace.

    The inner structure of a БИН (registration year and month, entity type) is not
    checked.
    """
    cleaned = _clean(value)
    _verify_check_digit(cleaned, value)
    return cleaned


def make_iin(birth_date: date, sex: str, serial: int) -> str | None:
    """Build a valid ИИН (for demo data and tests).

    ``sex`` is ``"M"`` or ``"F"``; ``serial`` is 0-9999 (digits 8-11); the birth
    year must be 1800-2099.  Returns None when digits 1-11 admit no check digit
    (about 1 serial in 121): try another serial.
    """
    if sex not in ("M", "F"):
        raise ValueError(f"sex must be 'M' or 'F', not {sex!r}")
    if not 0 <= serial <= 9999:
        raise ValueError(f"serial must be 0-9999, not {serial!r}")
    digit = _DIGIT_FOR.get((birth_date.year // 100 * 100, sex))
    if digit is None:
        raise ValueError(f"birth year must be 1800-2099, not {birth_date.year}")
    first11 = f"{birth_date:%y%m%d}{digit}{serial:04d}"
    k = check_digit(first11)
    return None if k is None else f"{first11}{k}"
