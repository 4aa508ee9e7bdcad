"""Personnel pages: orders (hire, change of post or category, dismissal, cancelling), contracts and amendments,
the HR calendar, and the printable documents. Access as everywhere (staffing.access): records outside the
user's centres are 404; visible records the role may not change are 403."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from config.dates import today
from config.documents import document_response
from config.inputs import add_service_errors
from personnel import documents, services
from personnel.deadlines import WITHIN_DAYS, deadlines
from personnel.forms import (
    AmendmentForm,
    AssignmentOrderForm,
    CancelOrderForm,
    ContractForm,
    DeadlineFilterForm,
    DismissalOrderForm,
    HireOrderForm,
    OtherOrderForm,
)
from personnel.models import Certificate, Contract, ContractAmendment, Order
from staffing.access import (
    get_visible_or_404,
    may_change_centre,
    may_see_full_iin,
    may_see_staff,
    visible_centres,
    visible_employees,
)
from staffing.access_log import What, access_record
from staffing.models import Employee


def _require_staff(user) -> None:
    if not may_see_staff(user):
        raise PermissionDenied


def _require_change(user, centre) -> None:
    if not may_change_centre(user, centre):
        raise PermissionDenied


def _employee(request, pk, *, change=False) -> Employee:
    _require_staff(request.user)
    employee = get_visible_or_404(visible_employees(request.user).select_related("centre", "position"), pk=pk)
    if change:
        _require_change(request.user, employee.centre)
    return employee


def _form_page(request, form, *, title, centre, employee=None):
    context = {"form": form, "title": title, "centre": centre, "employee": employee}
    return render(request, "personnel/form.html", context)


def _order_fields(data: dict) -> dict:
    return {"order_date": data.pop("order_date"), "basis": data.pop("basis"), "signed_by": data.pop("signed_by")}


# --- changes made by an order ------------------------------------------------------------------------------


def hire(request, code):
    _require_staff(request.user)
    centre = get_visible_or_404(visible_centres(request.user), code=code)
    _require_change(request.user, centre)
    form = HireOrderForm(request.POST or None, centre=centre)
    if request.method == "POST" and form.is_valid():
        data = {name: value for name, value in form.cleaned_data.items() if name != "version"}
        order_fields = _order_fields(data)
        try:
            order, employee = services.order_hire(centre=centre, user=request.user, **order_fields, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("The employee has been hired by order No. %(number)s.") % {"number": order.number}
            )
            return redirect(employee)
    return _form_page(request, form, title=_("Hire by order"), centre=centre)


def _employee_order(request, pk, form_class, issue, title):
    """An order about one employee: the form, then `issue(employee, data, **order fields)` (a service that makes
    the order and its change in one transaction); its refusals go on the form."""
    employee = _employee(request, pk, change=True)
    form = form_class(request.POST or None, initial={"version": employee.version})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        order_fields = _order_fields(data)
        try:
            order = issue(employee, data, user=request.user, **order_fields)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved by order No. %(number)s.") % {"number": order.number})
            return redirect(employee)
    return _form_page(request, form, title=title, centre=employee.centre, employee=employee)


def assign(request, pk):
    def issue(employee, data, **order):
        return services.order_assignment(
            employee=employee,
            kind=data["kind"],
            position=data["position"],
            qualification_level=data["qualification_level"],
            category=data["category"],
            start_date=data["start_date"],
            expected_version=data["version"],
            **order,
        )

    return _employee_order(request, pk, AssignmentOrderForm, issue, _("Change of position, level or category"))


def dismiss(request, pk):
    def issue(employee, data, **order):
        return services.order_dismissal(
            employee=employee, dismissal_date=data["day"], expected_version=data["version"], **order
        )

    return _employee_order(request, pk, DismissalOrderForm, issue, _("Dismissal"))


def other_order(request, pk):
    def issue(employee, data, **order):
        return services.order_record(
            employee=employee,
            kind=data["kind"],
            effective_date=data["effective_date"],
            end_date=data["end_date"],
            rate=data["rate"],
            detail=data["detail"],
            **order,
        )

    return _employee_order(request, pk, OtherOrderForm, issue, _("Leave or change of rate"))


# --- the register of orders --------------------------------------------------------------------------------


def _visible_orders(user):
    return Order.objects.filter(centre__in=visible_centres(user))


@require_safe
def order_list(request):
    _require_staff(request.user)
    centres = list(visible_centres(request.user).order_by("code"))
    year = request.GET.get("year", "")
    year = int(year) if year.isdigit() and 1990 <= int(year) <= 2100 else today().year
    orders = _visible_orders(request.user).filter(year=year).select_related("centre", "cancels", "cancelled_by")
    code = request.GET.get("centre", "")
    if code:
        orders = orders.filter(centre__code=code)
    orders = list(orders.prefetch_related("items__employee").order_by("centre__code", "-sequence")[:500])
    for order in orders:
        # Cancelling is offered to who may do it (the centre's HR officer), once, and never for a cancelling order.
        order.may_cancel = (
            order.kind != Order.Kind.CANCELLATION
            and not _is_cancelled(order)
            and (request.user.is_superuser or may_change_centre(request.user, order.centre_id))
        )
    context = {"orders": orders, "centres": centres, "year": year, "centre_code": code}
    return render(request, "personnel/order_list.html", context)


def _is_cancelled(order: Order) -> bool:
    return hasattr(order, "cancelled_by")  # the reverse side of Order.cancels, fetched with the order


def _order(request, pk) -> Order:
    _require_staff(request.user)
    queryset = (
        _visible_orders(request.user)
        .select_related("centre", "cancels")
        .prefetch_related("items__employee", "items__position")
    )
    return get_visible_or_404(queryset, pk=pk)


@require_safe
@never_cache
def order_document(request, pk):
    order = _order(request, pk)
    return document_response(
        request,
        filename=f"order-{order.centre.code}-{order.year}-{order.sequence}.pdf",
        pdf=lambda language: documents.order_pdf(order, language=language),
        html=lambda language, links: documents.order_html(order, language=language, links=links),
    )


def order_cancel(request, pk):
    order = _order(request, pk)
    _require_change(request.user, order.centre)
    form = CancelOrderForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            cancelling = services.order_cancel(
                order=order,
                order_date=data["order_date"],
                basis=data["basis"],
                signed_by=data["signed_by"],
                user=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Order No. %(number)s cancels it.") % {"number": cancelling.number})
            return redirect("personnel:order_list")
    title = _("Cancel order No. %(number)s") % {"number": order.number}
    return _form_page(request, form, title=title, centre=order.centre)


# --- contracts ---------------------------------------------------------------------------------------------


def contract_add(request, pk):
    employee = _employee(request, pk, change=True)
    form = ContractForm(
        request.POST or None, initial={"start_date": employee.hire_date, "signed_on": employee.hire_date}
    )
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in ContractForm.Meta.fields}
        try:
            services.contract_create(employee=employee, **fields)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(employee)
    return _form_page(request, form, title=_("New employment contract"), centre=employee.centre, employee=employee)


def _contract(request, pk) -> Contract:
    _require_staff(request.user)
    queryset = Contract.objects.filter(employee__in=visible_employees(request.user)).select_related("employee__centre")
    contract = get_visible_or_404(queryset, pk=pk)
    _require_change(request.user, contract.employee.centre)
    return contract


def contract_edit(request, pk):
    contract = _contract(request, pk)
    form = ContractForm(request.POST or None, instance=contract)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in ContractForm.Meta.fields}
        contract.refresh_from_db()  # the form wrote its values on the instance; the service compares with the row
        try:
            services.contract_update(contract=contract, **fields)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(contract.employee)
    title = _("Employment contract %(contract)s") % {"contract": contract}
    return _form_page(request, form, title=title, centre=contract.employee.centre, employee=contract.employee)


def amendment_add(request, pk):
    contract = _contract(request, pk)
    form = AmendmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in AmendmentForm.Meta.fields}
        try:
            services.amendment_create(contract=contract, **fields)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(contract.employee)
    title = _("Amendment to contract %(contract)s") % {"contract": contract}
    return _form_page(request, form, title=title, centre=contract.employee.centre, employee=contract.employee)


def amendment_edit(request, pk):
    _require_staff(request.user)
    queryset = ContractAmendment.objects.filter(contract__employee__in=visible_employees(request.user))
    amendment = get_visible_or_404(queryset.select_related("contract__employee__centre"), pk=pk)
    employee = amendment.contract.employee
    _require_change(request.user, employee.centre)
    form = AmendmentForm(request.POST or None, instance=amendment)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in AmendmentForm.Meta.fields}
        amendment.refresh_from_db()
        try:
            services.amendment_update(amendment=amendment, **fields)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(employee)
    title = _("Amendment %(amendment)s") % {"amendment": amendment}
    return _form_page(request, form, title=title, centre=employee.centre, employee=employee)


# --- the HR calendar ---------------------------------------------------------------------------------------


@require_safe
def calendar(request):
    _require_staff(request.user)
    centres = list(visible_centres(request.user).order_by("code"))
    form = DeadlineFilterForm(request.GET or None, centres=centres)
    within, chosen = WITHIN_DAYS, centres
    if form.is_valid():
        within = form.cleaned_data["within"]
        if form.cleaned_data["centre"]:
            chosen = [centre for centre in centres if centre.code == form.cleaned_data["centre"]]
    day = today()
    items = deadlines([centre.pk for centre in chosen], day, within=within) if chosen else []
    context = {"form": form, "items": items, "day": day, "within": within}
    return render(request, "personnel/calendar.html", context)


# --- personnel documents -----------------------------------------------------------------------------------


@require_safe
@never_cache
def personal_card(request, pk):
    employee = _employee(request, pk)
    # Full IIN and birth date only where the user is HR officer or director of the centre (docs/security.md).
    show_iin = may_see_full_iin(request.user, employee.centre)
    if show_iin:
        detail = "personal card (PDF)" if request.GET.get("format") == "pdf" else "personal card"
        access_record(what=What.CARD, request=request, employee=employee, detail=detail)
    return document_response(
        request,
        filename=f"personal-card-{employee.centre.code}-{employee.personnel_number}.pdf",
        pdf=lambda language: documents.personal_card_pdf(employee, language=language, show_iin=show_iin),
        html=lambda language, links: documents.personal_card_html(
            employee, language=language, show_iin=show_iin, links=links
        ),
    )


@require_POST
def certificate_issue(request, pk):
    employee = _employee(request, pk, change=True)
    certificate = services.certificate_issue(employee=employee, user=request.user)
    return redirect("personnel:certificate", pk=certificate.pk)


@require_safe
@never_cache
def certificate(request, pk):
    _require_staff(request.user)
    queryset = Certificate.objects.filter(employee__in=visible_employees(request.user)).select_related(
        "employee__centre", "employee__position"
    )
    item = get_visible_or_404(queryset, pk=pk)
    return document_response(
        request,
        filename=f"certificate-{item.centre.code}-{item.year}-{item.sequence}.pdf",
        pdf=lambda language: documents.certificate_pdf(item, language=language),
        html=lambda language, links: documents.certificate_html(item, language=language, links=links),
    )
