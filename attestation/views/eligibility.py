"""Eligibility pages: per centre for HR officers and directors, per region and nationally for analysts."""

import io
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from openpyxl import Workbook

from attestation.access import impact_count, impact_shows_people, may_see_impact
from attestation.forms import EligibilityFilterForm, ImpactForm
from attestation.impact import amendment_impact
from attestation.reasons import catalogue_names, category_label, verdict_texts
from attestation.selectors import catalogue_lookups, eligibility
from config.dates import today
from positions.labels import LEVEL_CHOICES, label
from positions.models import Position, Requirement
from staffing.access import may_see_staff, sees_all_centres, visible_centres, visible_employees
from staffing.models import Region
from staffing.workbook import excel_cell

PAGE_SIZE = 100


def _status_matches(row, status: str, day) -> bool:
    verdict = row.verdict
    if status == "eligible":
        return verdict.eligible
    if status == "not_meeting":
        return not verdict.meets_requirements
    if status in ("30", "90", "365"):
        # Not eligible yet, but will be within the window (as the counts and the dashboard say).
        return (
            not verdict.eligible
            and verdict.eligible_from is not None
            and verdict.eligible_from <= day + timedelta(days=int(status))
        )
    return True


def _post_matches(row, position: str | None, level: str | None, category: str | None) -> bool:
    _position_id, held_level, held_category = row.person.post
    held_position = row.person.position
    return (
        (not position or (held_position is not None and held_position.code == position))
        and (not level or held_level == level)
        and (not category or held_category == category)
    )


def _filtered_rows(request):
    if not may_see_staff(request.user):
        raise PermissionDenied
    centres = list(visible_centres(request.user).order_by("code"))
    regions = list(Region.objects.all()) if sees_all_centres(request.user) else []
    form = EligibilityFilterForm(
        request.GET or None, centres=centres, regions=regions, positions=Position.objects.order_by("paragraph")
    )
    data = form.cleaned_data if form.is_valid() else {}
    day = data.get("on") or today()
    employees = visible_employees(request.user)
    if data.get("region"):
        employees = employees.filter(centre__region__code=data["region"])
    if data.get("centre"):
        employees = employees.filter(centre__code=data["centre"])
    catalogue = catalogue_lookups()
    # By centre, then by name in the order of the Kazakh alphabet (Employee.name_key).
    rows = eligibility(employees.order_by("centre__code", "name_key", "pk"), day, catalogue=catalogue)
    # The post filters ask about the post held on the day (the rows'), not today's record (docs/records.md).
    wanted = (data.get("position"), data.get("qualification_level"), data.get("category"))
    if any(wanted):
        rows = [row for row in rows if _post_matches(row, *wanted)]
    counts = {
        "total": len(rows),
        "eligible": sum(row.verdict.eligible for row in rows),
        "within_90": sum(_status_matches(row, "90", day) for row in rows),
        "not_meeting": sum(not row.verdict.meets_requirements for row in rows),
    }
    status = data.get("status") or ""
    shown = [row for row in rows if _status_matches(row, status, day)]
    return form, day, shown, counts, catalogue


def eligibility_list(request):
    form, day, rows, counts, catalogue = _filtered_rows(request)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    titles, fields = catalogue_names(catalogue)
    for row in page:
        row.employee.reason_texts = verdict_texts(row.verdict, on=day, position_titles=titles, field_names=fields)
        row.employee.next_label = category_label(row.verdict.next_category) if row.verdict.next_category else ""
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "day": day,
        "page": page,
        "counts": counts,
        "shown": len(rows),
        "query_string": query.urlencode(),
    }
    return render(request, "attestation/eligibility_list.html", context)


def eligibility_export(request):
    form, day, rows, _counts, catalogue = _filtered_rows(request)
    titles, fields = catalogue_names(catalogue)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Eligibility"))
    sheet.append([_("As of"), excel_cell(sheet, day)])
    sheet.append(
        [
            _("Centre"),
            _("Personnel number"),
            _("Full name"),
            _("Position"),
            _("Level"),
            _("Category"),
            _("Meets the requirements"),
            _("Next category"),
            _("Eligible"),
            _("Eligible from"),
            _("Reasons"),
        ]
    )
    for row in rows:
        employee, verdict = row.employee, row.verdict
        position = employee.position.code if employee.position_id else None
        sheet.append(
            [
                excel_cell(sheet, value)
                for value in [
                    employee.centre.code,
                    employee.personnel_number,
                    employee.full_name,
                    titles.get(position, ""),
                    label(LEVEL_CHOICES, employee.qualification_level) if employee.qualification_level else "",
                    category_label(employee.category or None) if employee.category else "",
                    _("yes") if verdict.meets_requirements else _("no"),
                    category_label(verdict.next_category) if verdict.next_category else "",
                    _("yes") if verdict.eligible else _("no"),
                    verdict.eligible_from,
                    "\n".join(verdict_texts(verdict, on=day, position_titles=titles, field_names=fields)),
                ]
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return FileResponse(buffer, as_attachment=True, filename=f"eligibility-{day:%Y-%m-%d}.xlsx")


def amendment_impact_view(request):
    """Before saving an amendment (or for a saved one with a future date): whose verdict would change."""
    if not may_see_impact(request.user):
        raise PermissionDenied
    impact = None
    saved = None
    if "requirement" in request.GET and request.GET["requirement"].isdigit():
        # A saved amendment: compare its first day with the requirement in force the day before.
        saved = get_object_or_404(
            Requirement.objects.select_related("position", "item"),
            pk=request.GET["requirement"],
            valid_from__isnull=False,
        )
        impact = amendment_impact(
            position=saved.position.code,
            level=saved.qualification_level,
            category=saved.category,
            item=saved.item.number,
            alternatives=saved.alternatives,
            day=saved.valid_from,
        )
        form = ImpactForm(
            initial={"requirement": saved.pk, "valid_from": saved.valid_from, "alternatives": saved.alternatives}
        )
    else:
        form = ImpactForm(request.POST or None, initial={"valid_from": today()})
        if request.method == "POST" and form.is_valid():
            current = form.cleaned_data["requirement"]
            impact = amendment_impact(
                position=current.position.code,
                level=current.qualification_level,
                category=current.category,
                item=current.item.number,
                alternatives=form.cleaned_data["alternatives"],
                day=form.cleaned_data["valid_from"],
            )
    show_people = impact_shows_people(request.user)
    context = {"form": form, "impact": impact, "saved": saved, "show_people": show_people}
    if impact is not None:
        context["affected"] = impact_count(impact.employees_affected, exact=show_people)
        context["centre_counts"] = [(code, impact_count(n, exact=show_people)) for code, n in impact.people_by_centre]
    return render(request, "attestation/impact.html", context)
