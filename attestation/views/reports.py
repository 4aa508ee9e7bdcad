"""The director's dashboard of a centre and the analysts' area report, on screen and as XLSX.

Each export is built from the same selector call with the same filters as the page, so it holds exactly what
the page shows. Who may read: the dashboard, HR officers, directors and analysts of a centre they see (another
centre is a 404, other roles a 403); the area report, committee analysts and superusers.
"""

import io
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from openpyxl import Workbook

from attestation.reports import AreaReport, CentreDashboard, Totals, area_report, centre_dashboard
from config.dates import day_from_request
from staffing.access import get_visible_or_404, may_see_staff, sees_all_centres, visible_centres
from staffing.models import Region
from staffing.workbook import excel_cell

SORTS = ("region", "share")
INVALID_SHEET_CHARACTERS = str.maketrans({character: " " for character in "[]:*?/\\"})


def _chart_height(chart: dict) -> int:
    return 80 + 32 * max(len(chart["labels"]), 1)


# The dashboard of a centre.


def _dashboard_report(request, code) -> CentreDashboard:
    if not may_see_staff(request.user):
        raise PermissionDenied
    centre = get_visible_or_404(visible_centres(request.user).select_related("region"), code=code)
    return centre_dashboard(centre, day_from_request(request))


def dashboard(request, code):
    report = _dashboard_report(request, code)
    context = {
        "report": report,
        "centre": report.centre,
        "query_string": urlencode({"on": report.day.isoformat()}),
        "chart_height": _chart_height(report.chart),
    }
    return render(request, "attestation/dashboard.html", context)


# The area report.


def _area_report(request) -> tuple[AreaReport, str]:
    if not sees_all_centres(request.user):
        raise PermissionDenied
    sort = request.GET.get("sort") if request.GET.get("sort") in SORTS else "region"
    try:
        report = area_report(request.user, day_from_request(request), request.GET.get("region") or None)
    except Region.DoesNotExist:
        raise Http404 from None
    if sort == "share":
        # the highest share first; centres without active staff last
        report.centres.sort(
            key=lambda line: (
                line.totals.share_not_meeting is None,
                -(line.totals.share_not_meeting or 0),
                line.centre.code,
            )
        )
    return report, sort


def area(request):
    report, sort = _area_report(request)
    filters = {"on": report.day.isoformat(), "sort": sort}
    if report.region:
        filters["region"] = report.region.code
    context = {
        "report": report,
        "sort": sort,
        "query_string": urlencode(filters),
        "chart_height": _chart_height(report.chart),
    }
    return render(request, "attestation/area.html", context)


# XLSX: the same sections as the pages, one sheet each.


def _sheet(workbook, title: str):
    return workbook.create_sheet(title.translate(INVALID_SHEET_CHARACTERS)[:31])


def _cells(sheet, values: list) -> list:
    """Dates as dd.mm.yyyy, as on screen; text that Excel would run as a formula stays text."""
    return [excel_cell(sheet, value) for value in values]


def _append(sheet, *values) -> None:
    sheet.append(_cells(sheet, list(values)))


def _response(workbook, filename: str) -> FileResponse:
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return FileResponse(buffer, as_attachment=True, filename=filename)


def _staff_sheet(workbook, headcount: list[dict]) -> None:
    sheet = _sheet(workbook, _("Staff"))
    _append(sheet, _("Position"), _("Level"), _("Category"), _("Staff"))
    for line in headcount:
        _append(sheet, line["position"], line["level"], line["category_label"], line["count"])
    _append(sheet, _("Total"), "", "", sum(line["count"] for line in headcount))


def _outcomes_sheet(workbook, report, *, with_centre: bool) -> None:
    sheet = _sheet(workbook, _("Outcomes"))
    _append(sheet, _("Approved sessions held from"), report.outcomes_since, _("to"), report.day)
    _append(sheet, _("Decision"), _("Candidates"))
    for line in report.outcomes:
        _append(sheet, line["label"], line["count"])
    _append(sheet, _("Total"), report.outcome_total)
    sheet.append([])
    _append(sheet, _("Decisions against the engine's verdict"))
    header = [_("Session date"), _("Full name"), _("Category"), _("Decision"), _("Chair's reason")]
    _append(sheet, *([_("Centre")] if with_centre else []), *header)
    for candidate in report.overrides:
        line = [
            candidate.session.date,
            candidate.employee.full_name,
            candidate.get_category_display() or "—",
            candidate.get_decision_display() or "—",
            candidate.override_reason,
        ]
        _append(sheet, *([candidate.session.centre.code] if with_centre else []), *line)


def _people_sheet(workbook, title: str, rows, *, reasons: bool) -> None:
    sheet = _sheet(workbook, title)
    header = [
        _("Personnel number"),
        _("Full name"),
        _("Position"),
        _("Level"),
        _("Category"),
        _("Next category"),
        _("Eligible from"),
    ]
    _append(sheet, *header, *([_("Reasons")] if reasons else []))
    for row in rows:
        employee = row.employee
        line = [
            employee.personnel_number,
            employee.full_name,
            employee.position.title if employee.position_id else "—",
            employee.get_qualification_level_display() or "—",
            row.category_label,
            row.next_label or "—",
            row.verdict.eligible_from,
        ]
        _append(sheet, *line, *(["\n".join(row.reasons)] if reasons else []))


def dashboard_export(request, code):
    report = _dashboard_report(request, code)
    totals = report.totals
    workbook = Workbook(write_only=True)
    sheet = _sheet(workbook, _("Summary"))
    _append(sheet, _("Centre"), report.centre.name, report.centre.code)
    _append(sheet, _("As of"), report.day)
    for text, value in _total_lines(totals):
        _append(sheet, text, value)
    _staff_sheet(workbook, report.headcount)
    _people_sheet(workbook, _("Not meeting"), report.not_meeting, reasons=True)
    _people_sheet(workbook, _("Eligible now"), report.eligible_now, reasons=False)
    _people_sheet(workbook, _("Eligible within 90 days"), report.eligible_soon, reasons=False)
    sheet = _sheet(workbook, _("Awaiting approval"))
    _append(sheet, _("Session date"), _("Candidates"))
    for session in report.awaiting_approval:
        _append(sheet, session.date, session.candidate_count)
    _outcomes_sheet(workbook, report, with_centre=False)
    return _response(workbook, f"dashboard-{report.centre.code}-{report.day:%Y-%m-%d}.xlsx")


def _total_lines(totals: Totals) -> list[tuple[str, object]]:
    return [
        (_("Active staff"), totals.staff),
        (_("Not meeting the requirements of their post"), totals.not_meeting),
        (_("Share not meeting, %"), totals.share_not_meeting),
        (_("Eligible now"), totals.eligible_now),
        (_("Eligible within 90 days"), totals.eligible_soon),
        (_("Eligible now or within 90 days, not yet candidates"), totals.not_candidates),
        (_("Sessions awaiting approval"), totals.awaiting_approval),
    ]


def _totals_row(totals: Totals) -> list:
    return [totals.centres, *(value for _text, value in _total_lines(totals))]


def area_export(request):
    report, sort = _area_report(request)
    workbook = Workbook(write_only=True)
    sheet = _sheet(workbook, _("Summary"))
    _append(sheet, _("As of"), report.day)
    _append(sheet, _("Region"), report.region.name if report.region else _("all regions"))
    _append(sheet, _("Order of centres"), _("highest share not meeting first") if sort == "share" else _("by region"))
    for text, value in _total_lines(report.national):
        _append(sheet, text, value)

    sheet = _sheet(workbook, _("Regions"))
    _append(sheet, _("Region"), _("Centres"), *(text for text, _value in _total_lines(report.national)))
    for line in report.by_region:
        _append(sheet, line.region.name, *_totals_row(line.totals))
    _append(sheet, _("Total"), *_totals_row(report.national))

    sheet = _sheet(workbook, _("Centres"))
    _append(
        sheet,
        _("Code"),
        _("Centre"),
        _("Region"),
        _("Active staff"),
        _("Not meeting"),
        _("Eligible now"),
        _("Eligible within 90 days"),
        _("Share not meeting, %"),
        _("Sessions awaiting approval"),
    )
    for line in report.centres:
        totals = line.totals
        _append(
            sheet,
            line.centre.code,
            line.centre.name,
            line.centre.region.name,
            totals.staff,
            totals.not_meeting,
            totals.eligible_now,
            totals.eligible_soon,
            totals.share_not_meeting,
            totals.awaiting_approval,
        )

    _staff_sheet(workbook, report.headcount)
    _outcomes_sheet(workbook, report, with_centre=True)
    scope = report.region.code if report.region else "all"
    return _response(workbook, f"report-{scope}-{report.day:%Y-%m-%d}.xlsx")
