"""Staffing pages. Every view reads through staffing.access: records outside the user's centres are 404,
visible records that the role may not change are 403."""

import io

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q, prefetch_related_objects
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from config.dates import today
from config.inputs import add_service_errors
from positions.models import Position
from staffing import selectors, services
from staffing.access import (
    access_log_centres,
    changeable_centres,
    get_visible_or_404,
    may_change_centre,
    may_change_some_centre,
    may_download_workbook,
    may_read_access_log,
    may_search_by_iin,
    may_see_staff,
    visible_centres,
)
from staffing.access_log import What, access_log_entries, access_record, access_record_list
from staffing.card import card_sections
from staffing.forms import (
    ChildCareLeaveForm,
    DateForm,
    DeleteForm,
    EducationForm,
    EmployeeFilterForm,
    EmployeeForm,
    UploadForm,
    WorkPeriodForm,
)
from staffing.models import ChildCareLeave, Education, Employee, ImportPreview, Unit, WorkPeriod
from staffing.workbook import WorkbookError, previews, workbook_export, workbook_read, workbook_template

PAGE_SIZE = 50


def _require_staff_access(user) -> None:
    if not may_see_staff(user):
        raise PermissionDenied


def _employee(request, pk) -> Employee:
    _require_staff_access(request.user)
    try:
        return selectors.employee_card(request.user, pk)
    except Employee.DoesNotExist:
        raise Http404 from None


def _require_change(user, centre) -> None:
    if not may_change_centre(user, centre):
        raise PermissionDenied


def _centre(request, code, *, change=False):
    _require_staff_access(request.user)
    centre = get_visible_or_404(visible_centres(request.user).select_related("region"), code=code)
    if change:
        _require_change(request.user, centre)
    return centre


def employee_list(request):
    _require_staff_access(request.user)
    centres = list(visible_centres(request.user).order_by("code"))
    form = EmployeeFilterForm(
        request.GET or None,
        centres=centres,
        positions=Position.objects.order_by("paragraph"),
        units=Unit.objects.filter(centre__in=centres).select_related("centre") if len(centres) <= 5 else [],
    )
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.EmployeeFilters(
        centre=data.get("centre") or "",
        unit=data.get("unit"),
        position=data.get("position") or "",
        qualification_level=data.get("qualification_level") or "",
        category=data.get("category") or "",
        status=data.get("status") or "active",
        query=data.get("q") or "",
        sort=data.get("sort") or "name",
        iin_search=may_search_by_iin(request.user),
    )
    page = Paginator(selectors.employee_list(request.user, filters), PAGE_SIZE).get_page(request.GET.get("page"))
    access_record_list(request=request, employees=page)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query_string": query.urlencode(),
        "may_change": may_change_some_centre(request.user),
    }
    return render(request, "staffing/employee_list.html", context)


def employee_detail(request, pk):
    employee = _employee(request, pk)
    # Fetched once here and kept on the employee: the card's sections read them too (the attestation schedule).
    prefetch_related_objects([employee], "child_care_leaves")
    periods = list(employee.periods.all())
    day = today()
    context = {
        "employee": employee,
        "education": list(employee.education.all()),
        "periods": periods,
        "leaves": list(employee.child_care_leaves.all()),
        "leave_form": ChildCareLeaveForm() if employee.may_change else None,
        "experience": selectors.experience_summary(periods, day),
        "day": day,
        "show_iin": employee.full_iin,
        "may_change": employee.may_change,
        "card_sections": card_sections(employee, day),
        "show_changes": employee.full_iin,
    }
    if employee.full_iin:
        access_record(what=What.CARD, request=request, employee=employee)
    return render(request, "staffing/employee_detail.html", context)


def employee_changes(request, pk):
    """The "Changes" tab: who changed what and when, for HR officers and directors of the centre."""
    employee = _employee(request, pk)
    if not employee.full_iin:
        raise PermissionDenied
    access_record(what=What.CHANGES, request=request, employee=employee)
    context = {"employee": employee, "changes": selectors.employee_changes(employee), "show_changes": True}
    return render(request, "staffing/employee_changes.html", context)


def employee_edit(request, pk):
    employee = _employee(request, pk)
    _require_change(request.user, employee.centre)
    form = EmployeeForm(request.POST or None, instance=employee, centre=employee.centre)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in EmployeeForm.Meta.fields}
        try:
            services.employee_update(
                employee=employee, expected_version=form.cleaned_data["version"] or 0, user=request.user, **fields
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(employee)
    context = {"form": form, "centre": employee.centre, "employee": employee, "title": employee.full_name}
    return render(request, "staffing/employee_form.html", context)


def _employee_action(request, pk, form_class, action, template_title):
    employee = _employee(request, pk)
    _require_change(request.user, employee.centre)
    form = form_class(request.POST or None, initial={"version": employee.version})
    if request.method == "POST" and form.is_valid():
        try:
            action(employee, form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(employee)
    context = {"form": form, "centre": employee.centre, "employee": employee, "title": template_title}
    return render(request, "staffing/employee_form.html", context)


def employee_restore(request, pk):
    def action(employee, data):
        services.employee_restore(
            employee=employee, restore_date=data["day"], expected_version=data["version"], user=request.user
        )

    return _employee_action(request, pk, DateForm, action, _("Restore"))


@require_POST
def employee_dismissal_cancel(request, pk):
    employee = _employee(request, pk)
    _require_change(request.user, employee.centre)
    try:
        services.employee_dismissal_cancel(employee=employee, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The scheduled dismissal has been withdrawn."))
    return redirect(employee)


def _record_add(request, pk, form_class, service, title):
    employee = _employee(request, pk)
    _require_change(request.user, employee.centre)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service(employee=employee, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(employee)
    return render(
        request,
        "staffing/employee_form.html",
        {"form": form, "centre": employee.centre, "employee": employee, "title": title},
    )


def education_add(request, pk):
    return _record_add(request, pk, EducationForm, services.education_add, _("Add education"))


def work_period_add(request, pk):
    return _record_add(request, pk, WorkPeriodForm, services.work_period_add, _("Add an earlier work period"))


def _row(request, pk, model, row):
    """A row of an employee the user may change; another employee's or centre's row is 404."""
    employee = _employee(request, pk)
    _require_change(request.user, employee.centre)
    record = get_visible_or_404(model.objects.filter(employee=employee), pk=row)
    record.employee = employee
    return employee, record


def _record_edit(request, pk, row, model, form_class, service, title):
    employee, record = _row(request, pk, model, row)
    form = form_class(request.POST or None, instance=record)
    if request.method == "POST" and form.is_valid():
        try:
            service(record, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(employee)
    return render(
        request,
        "staffing/employee_form.html",
        {"form": form, "centre": employee.centre, "employee": employee, "title": title},
    )


def _record_delete(request, pk, row, model, service, title):
    employee, record = _row(request, pk, model, row)
    form = DeleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service(record, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Deleted. The row is kept in the history of changes."))
            return redirect(employee)
    context = {"form": form, "centre": employee.centre, "employee": employee, "title": title, "record": record}
    return render(request, "staffing/employee_form.html", context)


def education_edit(request, pk, row):
    return _record_edit(
        request,
        pk,
        row,
        Education,
        EducationForm,
        lambda record, **data: services.education_update(education=record, **data),
        _("Correct education"),
    )


def education_delete(request, pk, row):
    return _record_delete(
        request,
        pk,
        row,
        Education,
        lambda record, reason: services.education_delete(education=record, reason=reason),
        _("Delete education"),
    )


def work_period_edit(request, pk, row):
    return _record_edit(
        request,
        pk,
        row,
        WorkPeriod,
        WorkPeriodForm,
        lambda record, **data: services.work_period_update(period=record, **data),
        _("Correct a work period"),
    )


def work_period_delete(request, pk, row):
    return _record_delete(
        request,
        pk,
        row,
        WorkPeriod,
        lambda record, reason: services.work_period_delete(period=record, reason=reason),
        _("Delete a work period"),
    )


def centre_list(request):
    _require_staff_access(request.user)
    centres = visible_centres(request.user).select_related("region").order_by("region__order", "code")
    active = Q(employees__dismissal_date__isnull=True) | Q(employees__dismissal_date__gte=today())
    centres = centres.annotate(active=Count("employees", filter=active))
    return render(request, "staffing/centre_list.html", {"centres": centres})


def centre_detail(request, code):
    centre = _centre(request, code)
    employees = Employee.objects.filter(centre=centre)
    unit_id = request.GET.get("unit")
    unit = get_visible_or_404(centre.units.all(), pk=unit_id) if unit_id and unit_id.isdigit() else None
    if unit:
        employees = employees.filter(unit=unit)
    positions = {p.code: p for p in Position.objects.all()}
    rows = selectors.headcount(employees)
    for row in rows:
        row["position"] = positions.get(row["position__code"])
    context = {
        "centre": centre,
        "unit": unit,
        "units": selectors.centre_units(centre),
        "headcount": rows,
        "total": sum(row["count"] for row in rows),
        "may_change": may_change_centre(request.user, centre),
        "may_export": may_download_workbook(request.user, centre),
    }
    return render(request, "staffing/centre_detail.html", context)


# Import: upload → preview (nothing written) → confirm or cancel. The workbook is read once, at the upload; the
# preview keeps its validated rows in the database (staffing/workbook/previews.py), so that any app server
# behind the load balancer can finish the import, and the file itself is not kept.
def import_upload(request):
    _require_staff_access(request.user)
    centres = list(changeable_centres(request.user).order_by("code"))
    if not centres:
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None, centres=centres)
    plan = token = None
    if request.method == "POST" and form.is_valid():
        centre = next(c for c in centres if c.code == form.cleaned_data["centre"])
        try:
            plan = workbook_read(form.cleaned_data["workbook"], centre=centre, user=request.user)
        except WorkbookError as error:
            form.add_error("workbook", str(error))
        else:
            if plan.ok:
                token = previews.preview_create(plan=plan, user=request.user).pk
    return render(request, "staffing/import.html", {"form": form, "plan": plan, "token": token})


def _preview(request) -> ImportPreview:
    """The user's own preview for the centre posted, in a centre they may still change; anything else is 404."""
    _require_staff_access(request.user)
    preview = previews.preview_find(
        token=request.POST.get("token", ""), user=request.user, centre_code=request.POST.get("centre", "")
    )
    if preview is None:
        raise Http404
    if not may_change_centre(request.user, preview.centre_id):
        raise Http404
    return preview


@require_POST
def import_confirm(request):
    preview = _preview(request)
    try:
        plan = previews.preview_confirm(preview=preview, user=request.user)
    except previews.PreviewGone as gone:
        if gone.reason == "imported":
            messages.info(request, _("This workbook was already imported."))
            return redirect("staffing:centre", code=preview.centre.code)
        messages.error(request, _("This preview has expired. Upload the workbook again."))
        return redirect("staffing:import")
    messages.success(
        request,
        _("Imported: %(created)d new and %(updated)d updated employees.")
        % {"created": len(plan.created), "updated": len(plan.updated)},
    )
    return redirect("staffing:centre", code=preview.centre.code)


@require_POST
def import_cancel(request):
    preview = _preview(request)
    previews.preview_cancel(preview=preview)
    messages.info(request, _("The import was cancelled: nothing was written."))
    return redirect("staffing:import")


def import_template(request):
    _require_staff_access(request.user)
    buffer = io.BytesIO()
    workbook_template(buffer)
    buffer.seek(0)
    return FileResponse(buffer, as_attachment=True, filename="staff-template.xlsx")


def centre_export(request, code):
    centre = _centre(request, code)
    if not may_download_workbook(request.user, centre):
        raise PermissionDenied

    buffer = io.BytesIO()
    workbook_export(centre, buffer)
    buffer.seek(0)
    filename = f"staff-{centre.code}-{today():%Y-%m-%d}.xlsx"
    people = Employee.objects.filter(centre=centre).count()
    access_record(what=What.EXPORT, request=request, centre=centre, people=people, detail=filename)
    return FileResponse(buffer, as_attachment=True, filename=filename)


ACCESS_LOG_PAGE_SIZE = 100


def access_log(request):
    """The personal data access log: superusers all of it, a director their centres' (?centre= narrows)."""
    if not may_read_access_log(request.user):
        raise PermissionDenied
    centres = list(access_log_centres(request.user).order_by("code"))
    code = request.GET.get("centre") or ""
    centre = get_visible_or_404(access_log_centres(request.user), code=code) if code else None
    entries = access_log_entries(request.user, centre=centre)
    page = Paginator(entries, ACCESS_LOG_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "centres": centres,
        "centre": centre,
        "query_string": f"centre={centre.code}" if centre else "",
        "retention_days": settings.ACCESS_LOG_RETENTION_DAYS,
    }
    return render(request, "staffing/access_log.html", context)


@require_POST
def child_care_leave_add(request, pk):
    """A small form on the card (HR): errors come back as messages on the card."""
    employee = _employee(request, pk)
    _require_change(request.user, employee.centre)
    form = ChildCareLeaveForm(request.POST)
    if form.is_valid():
        try:
            services.child_care_leave_add(employee=employee, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
    if form.errors:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    else:
        messages.success(request, _("Saved."))
    return redirect(employee)


@require_POST
def child_care_leave_delete(request, pk, row):
    employee, leave = _row(request, pk, ChildCareLeave, row)
    services.child_care_leave_delete(leave=leave)
    messages.success(request, _("Saved."))
    return redirect(employee)
