"""Friendly error pages in the user's language; no stack trace ever reaches the browser with DEBUG off."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def bad_request(request, exception=None):
    return render(request, "errors/400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    # No context processors that touch the database: the database may be what failed.
    return HttpResponseServerError(loader.get_template("errors/500.html").render({}))
