from django.shortcuts import render

from accounts.roles import ROLE_LABELS, roles_of
from home.sections import sections_for


def home(request):
    """The start page: the user's roles, then what needs their attention (home.sections)."""
    context = {
        "role_labels": [ROLE_LABELS[code] for code in sorted(roles_of(request.user))],
        "sections": sections_for(request.user),
    }
    return render(request, "home/home.html", context)
