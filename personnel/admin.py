from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from config.admin_limits import LimitedAdminMixin
from config.inputs import SafeModelForm
from personnel.models import CalendarDay, OrderRegister


@admin.register(CalendarDay)
class CalendarDayAdmin(LimitedAdminMixin, SimpleHistoryAdmin):
    """The exceptions to Monday–Friday: a transfer decreed later is added here."""

    form = SafeModelForm

    list_display = ["date", "working", "name"]
    list_filter = ["working"]
    date_hierarchy = "date"
    search_fields = ["name"]


@admin.register(OrderRegister)
class OrderRegisterAdmin(LimitedAdminMixin, admin.ModelAdmin):
    form = SafeModelForm
    list_display = ["centre", "suffix"]
    autocomplete_fields = ["centre"]
