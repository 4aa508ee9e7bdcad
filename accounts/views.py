from django.shortcuts import render

from accounts.roles import ROLE_LABELS, roles_of


def home(request):
    """The start page: what needs the user's attention, by role (filled in by the attestation app)."""
    from attestation.attention import attention_items

    context = {
        "role_labels": [ROLE_LABELS[code] for code in sorted(roles_of(request.user))],
        "attention": attention_items(request.user),
    }
    return render(request, "accounts/home.html", context)
