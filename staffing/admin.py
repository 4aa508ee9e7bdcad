"""Set-up screens for administrators: centres (with the users who work for them), units. Staff records are
kept through the HR pages, not here."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from config.admin_limits import LimitedAdminMixin
from config.inputs import SafeModelForm
from staffing.models import Centre, Unit


class UnitInline(admin.TabularInline):
    model = Unit
    form = SafeModelForm
    extra = 1


@admin.register(Centre)
class CentreAdmin(LimitedAdminMixin, SimpleHistoryAdmin):
    form = SafeModelForm
    list_display = ["code", "name_kk", "region", "district"]
    list_filter = ["region"]
    list_select_related = ["region"]
    search_fields = ["code", "name_kk", "name_ru"]
    filter_horizontal = ["users"]
    inlines = [UnitInline]

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return False  # centres are referenced by staff records: never deleted
