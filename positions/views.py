"""Reading the catalogue: every signed-in user. Editing happens in the admin (positions.admin)."""

from django.shortcuts import get_object_or_404, render

from config.dates import day_from_request, parse_day, today
from positions import selectors
from positions.models import EducationField, Position


def position_list(request):
    day = day_from_request(request)
    context = {"groups": selectors.positions_by_group(), "day": day, "general": selectors.general_provisions(day)}
    return render(request, "positions/position_list.html", context)


def position_detail(request, code):
    position = get_object_or_404(Position, code=code)
    day = day_from_request(request)
    document = selectors.position_document(position, day)
    field_names = {field.code: field.name for field in EducationField.objects.all()}
    template = "positions/position_print.html" if request.GET.get("print") else "positions/position_detail.html"
    return render(
        request, template, {"document": document, "position": position, "day": day, "field_names": field_names}
    )


def position_compare(request, code):
    position = get_object_or_404(Position, code=code)
    first = parse_day(request.GET.get("from")) or today()
    second = parse_day(request.GET.get("to")) or today()
    changes = selectors.position_comparison(position, first, second)
    context = {
        "position": position,
        "first": first,
        "second": second,
        "changes": changes,
        "changed_count": sum(change.changed for change in changes),
        "only_changes": request.GET.get("only_changes") == "1",
    }
    return render(request, "positions/position_compare.html", context)


def clause_search(request):
    query = request.GET.get("q", "").strip()
    day = day_from_request(request)
    hits = selectors.clause_search(query, day) if query else []
    return render(request, "positions/search.html", {"query": query, "day": day, "hits": hits})


def order_readings(request):
    """How the product reads the order: per item, each reading with its fragment, interpretation and source."""
    context = {
        "groups": selectors.readings_by_item(),
        "may_edit": request.user.has_perm("positions.change_reading"),
        "may_see_data": request.user.has_perm("positions.view_requirement"),
    }
    return render(request, "positions/readings.html", context)
