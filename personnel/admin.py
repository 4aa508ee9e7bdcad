from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from personnel.models import CalendarDay, OrderRegister


@admin.register(CalendarDay)
class CalendarDayAdmin(SimpleHistoryAdmin):
    """The exceptions to Monday–Friday: a transfer decreed later is added here."""

    list_display = ["date", "working", "name"]
    list_filter = ["working"]
    date_hierarchy = "date"
    search_fields = ["name"]


@admin.register(OrderRegister)
class OrderRegisterAdmin(admin.ModelAdmin):
    list_display = ["centre", "suffix"]
    autocomplete_fields = ["centre"]
