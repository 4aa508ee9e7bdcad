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
