"""ИИН / БИН validation (staffing.identifiers).

Check digit by hand (weights 1..11 over digits 1-11, mod 11; if 10, weights
3,4,5,6,7,8,9,10,11,1,2, mod 11; if still 10, no check digit exists):

* 90010130012_: digits 9 0 0 1 0 1 3 0 0 1 2
  1*9 + 4*1 + 6*1 + 7*3 + 10*1 + 11*2 = 9+4+6+21+10+22 = 72; 72 mod 11 = 6
  -> 900101300126 (born 01.01.1990, digit 7 = 3: 1900s, male)
* 92030140050_: digits 9 2 0 3 0 1 4 0 0 5 0
  first pass: 1*9 + 2*2 + 4*3 + 6*1 + 7*4 + 10*5 = 9+4+12+6+28+50 = 109; 109 mod 11 = 10
  second pass: 3*9 + 4*2 + 6*3 + 8*1 + 9*4 + 1*5 = 27+8+18+8+36+5 = 102; 102 mod 11 = 3
  -> 920301400503 (born 01.03.1992, digit 7 = 4: 1900s, female)
* 90010130080_: digits 9 0 0 1 0 1 3 0 0 8 0
  first pass: 9 + 4 + 6 + 21 + 10*8 = 120; 120 mod 11 = 10
  second pass: 3*9 + 6*1 + 8*1 + 9*3 + 1*8 = 27+6+8+27+8 = 76; 76 mod 11 = 10
  -> no check digit: no valid ИИН starts with these 11 digits.
* 00022950001_ (29.02.2000, digit 7 = 5: 2000s, male): digits 0 0 0 2 2 9 5 0 0 0 1
  4*2 + 5*2 + 6*9 + 7*5 + 11*1 = 8+10+54+35+11 = 118; 118 mod 11 = 8 -> 000229500018
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from staffing.identifiers import (
    IdentifierError,
    IinInfo,
    check_digit,
    make_iin,
    parse_iin,
    validate_bin,
)

W1 = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)


def first_pass(first11: str) -> int:
    return sum(w * int(d) for w, d in zip(W1, first11, strict=True)) % 11


# --- check_digit -------------------------------------------------------------


@pytest.mark.parametrize(
    "first11, expected",
    [
        pytest.param("90010130012", 6, id="first pass: 72 mod 11 = 6"),
        pytest.param("92030140050", 3, id="second pass: 109->10, 102 mod 11 = 3"),
        pytest.param("90010130080", None, id="both passes 10: undefined"),
        pytest.param("00022950001", 8, id="29.02.2000: 118 mod 11 = 8"),
        pytest.param("00000000000", 0, id="all zeros"),
    ],
)
def test_check_digit(first11, expected):
    assert check_digit(first11) == expected


def test_check_digit_rejects_bad_input():
    with pytest.raises(IdentifierError) as e:
        check_digit("9001013001")
    assert e.value.code == "length"
    with pytest.raises(IdentifierError) as e:
        check_digit("9001013001A")
    assert e.value.code == "not_digits"


# --- parse_iin: valid ---------------------------------------------------------


@pytest.mark.parametrize(
    "value, birth, sex",
    [
        pytest.param("900101300126", date(1990, 1, 1), "M", id="01.01.1990 M"),
        pytest.param("920301400503", date(1992, 3, 1), "F", id="01.03.1992 F, second weights"),
        pytest.param("000229500018", date(2000, 2, 29), "M", id="29.02.2000 M (leap)"),
        pytest.param(" 900101 300126 ", date(1990, 1, 1), "M", id="spaces stripped"),
        pytest.param("900101\t3001 26", date(1990, 1, 1), "M", id="any whitespace stripped"),
    ],
)
def test_parse_valid(value, birth, sex):
    assert parse_iin(value) == IinInfo(birth_date=birth, sex=sex)


@pytest.mark.parametrize(
    "digit7, year, sex",
    [("1", 1890, "M"), ("2", 1890, "F"), ("3", 1990, "M"), ("4", 1990, "F"), ("5", 2090, "M"), ("6", 2090, "F")],
)
def test_century_and_sex_digit(digit7, year, sex):
    first11 = f"900101{digit7}0012"
    k = check_digit(first11)
    assert k is not None
    assert parse_iin(f"{first11}{k}") == IinInfo(date(year, 1, 1), sex)


# --- parse_iin: invalid -------------------------------------------------------


def _with_check(first11: str) -> str:
    """Append the correct check digit, so only the other defect is tested."""
    k = check_digit(first11)
    assert k is not None
    return f"{first11}{k}"


@pytest.mark.parametrize(
    "value, code",
    [
        pytest.param("900101300127", "check_digit", id="check digit 7 instead of 6"),
        pytest.param("920301400502", "check_digit", id="second weights: 2 instead of 3"),
        pytest.param("900101300800", "no_check_digit", id="undefined check digit (0)"),
        pytest.param("900101300805", "no_check_digit", id="undefined check digit (5)"),
        pytest.param(_with_check("90023130012"), "birth_date", id="31.02.1990"),
        pytest.param(_with_check("90130130012"), "birth_date", id="month 13"),
        pytest.param(_with_check("90010030012"), "birth_date", id="day 00"),
        pytest.param(_with_check("00022930012"), "birth_date", id="29.02.1900 (not leap)"),
        pytest.param(_with_check("90010100012"), "century", id="century digit 0"),
        pytest.param(_with_check("90010170012"), "century", id="century digit 7"),
        pytest.param(_with_check("90010190012"), "century", id="century digit 9"),
        pytest.param("90010130012A", "not_digits", id="letter"),
        pytest.param("9001013OO126", "not_digits", id="letter O for zero"),
        pytest.param("900101-300126", "not_digits", id="hyphen"),
        pytest.param("٩٠٠١٠١٣٠٠١٢٦", "not_digits", id="Arabic-Indic digits"),
        pytest.param("90010130012", "length", id="11 digits"),
        pytest.param("9001013001260", "length", id="13 digits"),
        pytest.param("", "length", id="empty"),
        pytest.param("   ", "length", id="blank"),
    ],
)
def test_parse_invalid(value, code):
    with pytest.raises(IdentifierError) as e:
        parse_iin(value)
    assert e.value.code == code
    assert isinstance(e.value, ValueError)


def test_identifier_error_message_mentions_value():
    with pytest.raises(IdentifierError, match="900101300127"):
        parse_iin("900101300127")


# --- БИН ------------------------------------------------------------------------


def test_validate_bin():
    bin_ = _with_check("05014000123")  # registered 01.2005, legal entity
    assert validate_bin(bin_) == bin_
    assert validate_bin(f" {bin_[:6]} {bin_[6:]} ") == bin_
    wrong = bin_[:11] + str((int(bin_[11]) + 1) % 10)
    with pytest.raises(IdentifierError) as e:
        validate_bin(wrong)
    assert e.value.code == "check_digit"
    with pytest.raises(IdentifierError) as e:
        validate_bin("900101300800")
    assert e.value.code == "no_check_digit"
    with pytest.raises(IdentifierError) as e:
        validate_bin("0501400012")
    assert e.value.code == "length"


# --- make_iin -------------------------------------------------------------------


def test_make_iin_examples():
    assert make_iin(date(1990, 1, 1), "M", 12) == "900101300126"
    assert make_iin(date(1992, 3, 1), "F", 50) == "920301400503"
    assert make_iin(date(1990, 1, 1), "M", 80) is None  # 90010130080: no check digit


@pytest.mark.parametrize(
    "birth, sex, serial",
    [
        (date(1799, 12, 31), "M", 1),
        (date(2100, 1, 1), "F", 1),
        (date(1990, 1, 1), "X", 1),
        (date(1990, 1, 1), "M", 10000),
        (date(1990, 1, 1), "M", -1),
    ],
)
def test_make_iin_rejects(birth, sex, serial):
    with pytest.raises(ValueError):
        make_iin(birth, sex, serial)


births = st.dates(min_value=date(1800, 1, 1), max_value=date(2099, 12, 31))
sexes = st.sampled_from(["M", "F"])
serials = st.integers(min_value=0, max_value=9999)


@given(births, sexes, serials)
def test_make_iin_round_trip(birth, sex, serial):
    iin = make_iin(birth, sex, serial)
    if iin is None:  # about 1 serial in 121: digits 1-11 admit no check digit
        digit7 = {(18, "M"): 1, (18, "F"): 2, (19, "M"): 3, (19, "F"): 4, (20, "M"): 5, (20, "F"): 6}
        assert check_digit(f"{birth:%y%m%d}{digit7[birth.year // 100, sex]}{serial:04d}") is None
        return
    assert len(iin) == 12 and iin.isdigit()
    assert parse_iin(iin) == IinInfo(birth, sex)
    assert validate_bin(iin) == iin  # the same check digit


@given(births, sexes, serials, st.integers(min_value=0, max_value=11), st.integers(min_value=1, max_value=9))
def test_single_digit_change(birth, sex, serial, position, delta):
    """Changing one digit: what is (and is not) guaranteed.

    * digits 1-7 (date, century/sex): the number becomes invalid or reads as a
      different birth date/sex;
    * digit 12 (the check digit): always invalid;
    * digits 8-10 (weights 8, 9, 10, non-zero mod 11): invalid, unless exactly one
      of the two numbers needs the second weight sequence;
    * digit 11: its first-pass weight is 11 = 0 mod 11, so when the first pass
      decides the check digit, the changed number is STILL VALID with the same
      info (an inherent weakness of the algorithm); when the second pass decides
      (weight 2), it is invalid.
    """
    iin = make_iin(birth, sex, serial)
    assume(iin is not None)
    new_digit = (int(iin[position]) + delta) % 10
    changed = iin[:position] + str(new_digit) + iin[position + 1 :]
    try:
        info = parse_iin(changed)
    except IdentifierError:
        info = None
    original = IinInfo(birth, sex)
    old_second = first_pass(iin[:11]) == 10
    new_second = first_pass(changed[:11]) == 10
    if position <= 6:
        assert info != original
    elif position == 11:
        assert info is None
    elif position <= 9:
        if old_second == new_second:
            assert info is None
    else:  # digit 11
        if old_second:
            assert info is None
        else:
            assert info == original


def test_digit_11_weakness_example():
    # 90010130000_: 9 + 4 + 6 + 21 = 40; 40 mod 11 = 7 -> 900101300007.
    # Digit 11 -> 1 adds 11*1 = 11 = 0 mod 11: 900101300017 is valid as well.
    assert parse_iin("900101300007") == parse_iin("900101300017")
