"""Kazakh first: the kk and ru catalogues are complete for our strings (run `make messages` after adding any)."""

import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def entries(path: Path):
    """(flags, msgid, msgstrs) of each entry of a .po file, the header left out."""
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        flags = " ".join(line for line in lines if line.startswith("#,"))
        text = "\n".join(line for line in lines if not line.startswith("#"))
        msgid = "".join(re.findall(r'"(.*)"', text.split("msgstr")[0].split("msgid", 1)[-1])) if "msgid" in text else ""
        strs = ["".join(re.findall(r'"(.*)"', part)) for part in re.split(r"msgstr(?:\[\d\])?", text)[1:]]
        if msgid:
            yield flags, msgid, strs


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_string_is_translated_and_none_is_fuzzy(language):
    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    missing = [msgid for flags, msgid, strs in entries(path) if "fuzzy" in flags or not all(strs)]
    assert missing == []
    assert len(list(entries(path))) > 400
