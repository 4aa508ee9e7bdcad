"""The staff workbook (.xlsx): import and export of a centre's employees, education and work history.

Where things are:
* layout.py: the sheets, their column keys and the bilingual label row (start here to add a sheet);
* files.py: the untrusted file (size, zip bombs, row limits) to raw cell values;
* cells.py: raw cell values to clean ones, each problem with its sheet, row and column;
* reading.py: :func:`workbook_read` validates a workbook into an :class:`ImportPlan` and writes nothing
  (ROW_CHECKS: the place for per-row refusals);
* writing.py: :func:`workbook_import`, the service that writes a plan, all or nothing, with history;
* exporting.py: :func:`workbook_export`, :func:`workbook_template` and :func:`excel_cell`.

Sheets (first row: column keys, order free, extra columns ignored; an optional second row of kk/ru labels):
``employees``, ``education``, ``work_history`` (layout.COLUMNS), and the optional sheets that apps above staffing
register (layout.register_extra_sheet: personnel's ``contracts``).
"""

from staffing.workbook.exporting import excel_cell, workbook_export, workbook_template
from staffing.workbook.files import MAX_ROWS, WorkbookError
from staffing.workbook.layout import COLUMNS, EDUCATION, EMPLOYEES, LABELS, SHEETS, WORK_HISTORY, Problem
from staffing.workbook.reading import ImportPlan, workbook_read
from staffing.workbook.writing import workbook_import

__all__ = [
    "COLUMNS",
    "EDUCATION",
    "EMPLOYEES",
    "ImportPlan",
    "LABELS",
    "MAX_ROWS",
    "Problem",
    "SHEETS",
    "WORK_HISTORY",
    "WorkbookError",
    "excel_cell",
    "workbook_export",
    "workbook_import",
    "workbook_read",
    "workbook_template",
]
