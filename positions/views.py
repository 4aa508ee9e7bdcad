from django.shortcuts import render

from positions.models import Position


def position_list(request):
    positions = Position.objects.order_by("paragraph")
    return render(request, "positions/position_list.html", {"positions": positions})
