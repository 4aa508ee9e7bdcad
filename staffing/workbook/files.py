"""Untrusted workbook files: size, zip bombs and row limits checked before and while openpyxl reads them.

:func:`read_rows` returns the raw cell values of each sheet; reading.py validates them."""

from __future__ import annotations

import io
import os
import warnings
import zipfile

import openpyxl
from django.conf import settings
from django.utils.translation import gettext as _

from staffing.workbook.layout import (
    COLUMNS,
    EMPLOYEES,
    EXTRA_SHEETS,
    LABELS,
    OPTIONAL_SHEETS,
    SHEETS,
    column_letter,
)

# Limits for untrusted uploads (the file size limit is settings.MAX_UPLOAD_MB).
MAX_ROWS = 20_000  # data rows of the employees sheet
HISTORY_ROWS_FACTOR = 4  # education and work_history may have this many times MAX_ROWS (several rows per employee)
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024  # all zip entries together, as unpacked
# The work openpyxl does is per cell, and a file within the size limits can hold millions of them (95 MB of sheet
# XML in 9.6 MB took a worker 40 s). A workbook of 10,000 employees has about 550,000 cells; reading stops at
# the first cell past MAX_CELLS (all sheets together) and at a row wider than MAX_COLUMNS.
MAX_CELLS = 1_000_000
MAX_COLUMNS = 50
# openpyxl reads the whole shared-strings table before the first row: its size is bounded up front.
MAX_SHARED_STRINGS_BYTES = 30 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100  # unpacked / packed, checked above RATIO_CHECK_FROM bytes
RATIO_CHECK_FROM = 1024 * 1024
_ZIP_SIGNATURE = b"PK\x03\x04"


class WorkbookError(Exception):
    """The file as a whole cannot be used (not an xlsx, too large, a sheet or columns missing...).

    ``str(error)`` is a message in the language active when it was raised."""


def _load_bytes(source) -> bytes:
    """The whole file, refused before parsing when it is larger than settings.MAX_UPLOAD_MB."""
    limit = settings.MAX_UPLOAD_MB * 1024 * 1024
    too_large = WorkbookError(_("The file is larger than %(limit)s MB.") % {"limit": settings.MAX_UPLOAD_MB})
    if isinstance(source, (str, os.PathLike)):
        try:
            if os.path.getsize(source) > limit:
                raise too_large
            with open(source, "rb") as file:
                data = file.read(limit + 1)
        except OSError:
            raise WorkbookError(_("The file cannot be read.")) from None
    else:
        size = getattr(source, "size", None)
        if isinstance(size, int) and size > limit:
            raise too_large
        if getattr(source, "seekable", lambda: False)():
            source.seek(0)
        data = source.read(limit + 1)
    if len(data) > limit:
        raise too_large
    return data


def _open_workbook(data: bytes):
    not_xlsx = WorkbookError(_("This is not an Excel workbook (.xlsx)."))
    if not data.startswith(_ZIP_SIGNATURE):
        raise not_xlsx
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise not_xlsx from None
    # zipfile never unpacks more than an entry's declared size, so the declared sizes bound the work openpyxl does.
    unpacked = sum(entry.file_size for entry in entries)
    packed = sum(entry.compress_size for entry in entries)
    shared = sum(entry.file_size for entry in entries if entry.filename.lower().endswith("sharedstrings.xml"))
    if shared > MAX_SHARED_STRINGS_BYTES:
        raise WorkbookError(
            _("The workbook holds %(size)s MB of text: at most %(limit)s MB. Split the workbook.")
            % {"size": shared // (1024 * 1024), "limit": MAX_SHARED_STRINGS_BYTES // (1024 * 1024)}
        )
    if unpacked > MAX_UNCOMPRESSED_BYTES or (
        unpacked > RATIO_CHECK_FROM and unpacked > MAX_COMPRESSION_RATIO * max(packed, 1)
    ):
        raise WorkbookError(
            _(
                "The workbook would unpack to %(size)s MB from a %(packed)s MB file: it looks like a zip bomb and was "
                "refused."
            )
            % {"size": unpacked // (1024 * 1024), "packed": round(packed / (1024 * 1024), 1)}
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds (KeyError, InvalidFileException, XML errors...)
        raise not_xlsx from None


def blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class _CellBudget:
    """Counts the cells read in all sheets of one workbook; past MAX_CELLS (or a row past MAX_COLUMNS) reading
    stops with a WorkbookError."""

    def __init__(self):
        self.left = MAX_CELLS

    def spend(self, sheet: str, row: tuple) -> None:
        width = len(row)
        if width > MAX_COLUMNS:
            raise WorkbookError(
                _("The sheet “%(sheet)s” has more than %(limit)s columns: remove the extra columns.")
                % {"sheet": sheet, "limit": MAX_COLUMNS}
            )
        self.left -= width
        if self.left < 0:
            raise WorkbookError(
                _("The workbook has more than %(limit)s cells: split it or remove what is not needed.")
                % {"limit": f"{MAX_CELLS:,}".replace(",", " ")}
            )


def _read_sheet(worksheet, sheet: str, budget: _CellBudget) -> tuple[list[tuple[int, dict]], dict[str, str]]:
    """(Excel row number, {column key: raw value}) for each non-empty data row, and each key's column letter."""
    worksheet.reset_dimensions()  # the stored dimension may be wrong: read what is there
    rows = worksheet.iter_rows(values_only=True)
    header = next(rows, None) or ()
    budget.spend(sheet, header)
    index: dict[str, int] = {}
    for position, value in enumerate(header):
        key = value.strip().lower() if isinstance(value, str) else ""
        if key and key not in index:
            index[key] = position
    columns = COLUMNS[sheet]
    missing = [key for key in columns if key not in index]
    if missing:
        raise WorkbookError(
            _("The sheet “%(sheet)s” lacks the columns %(columns)s: its first row must hold the column keys.")
            % {"sheet": sheet, "columns": ", ".join(missing)}
        )
    positions = [index[key] for key in columns]
    label = LABELS["personnel_number"]
    limit = MAX_ROWS if sheet == EMPLOYEES else MAX_ROWS * HISTORY_ROWS_FACTOR
    result = []
    too_many = WorkbookError(
        _("The sheet “%(sheet)s” has more than %(limit)s rows: split the workbook.") % {"sheet": sheet, "limit": limit}
    )
    for number, row in enumerate(rows, start=2):
        budget.spend(sheet, row)
        width = len(row)
        values = [row[i] if i < width else None for i in positions]
        if all(blank(value) for value in values):
            if number > 10 * limit + 1000:  # millions of empty rows take minutes to read
                raise too_many
            continue
        if isinstance(values[0], str) and values[0].strip() == label:
            continue
        if len(result) >= limit:
            raise too_many
        result.append((number, dict(zip(columns, values, strict=True))))
    return result, {key: column_letter(index[key]) for key in columns}


def read_rows(source) -> tuple[dict[str, list[tuple[int, dict]]], dict[str, dict[str, str]]]:
    """The data rows of each sheet, as (Excel row number, {column key: raw value}), and the Excel column letter
    of each key in each sheet. Raises WorkbookError when the file as a whole is unusable."""
    data = _load_bytes(source)
    workbook = _open_workbook(data)
    try:
        names = {name.strip().lower(): name for name in workbook.sheetnames}
        missing = [sheet for sheet in SHEETS if sheet not in names]
        if missing:
            raise WorkbookError(
                _("The workbook lacks the sheets %(missing)s (it has: %(found)s).")
                % {"missing": ", ".join(missing), "found": ", ".join(workbook.sheetnames) or "—"}
            )
        rows, letters = {}, {}
        budget = _CellBudget()
        for sheet in SHEETS + tuple(s for s in OPTIONAL_SHEETS + tuple(EXTRA_SHEETS) if s in names):
            rows[sheet], letters[sheet] = _read_sheet(workbook[names[sheet]], sheet, budget)
        return rows, letters
    except WorkbookError:
        raise
    except Exception:  # a malformed sheet inside a valid zip
        raise WorkbookError(_("This is not an Excel workbook (.xlsx).")) from None
    finally:
        workbook.close()
