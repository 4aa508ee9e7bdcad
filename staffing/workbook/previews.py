"""Previewed imports waiting for confirmation, kept as database rows (:class:`staffing.models.ImportPreview`).

The workbook is read and validated once, at the upload; its validated rows are stored in the preview and the
uploaded file is not kept (Django's own temporary file of a large upload is 0600 and goes at the end of the
request). Confirming claims the preview with one conditional UPDATE, so of two simultaneous confirmations
exactly one imports and the other is told "already imported"; the rows (they hold full IINs) are cleared then.
Cancelling deletes the preview; `manage.py purge_uploads` (daily) deletes those older than PREVIEW_LIFETIME.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from staffing.models import ImportPreview
from staffing.workbook.layout import DATE_COLUMNS
from staffing.workbook.reading import ImportPlan
from staffing.workbook.writing import workbook_import

PREVIEW_LIFETIME = timedelta(days=1)
# Where earlier versions kept uploaded workbooks between preview and confirmation (purged like previews).
LEGACY_UPLOADS = "imports"
_ROW_LISTS = ("employees", "education", "periods")


class PreviewGone(Exception):
    """The preview cannot be imported: ``reason`` is "imported" (already, by this or another request) or
    "expired" (older than PREVIEW_LIFETIME, or cancelled)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _dates(row: dict) -> dict:
    return {key: date.fromisoformat(value) if key in DATE_COLUMNS and value else value for key, value in row.items()}


def preview_create(*, plan: ImportPlan, user) -> ImportPreview:
    """Keep a plan without problems until it is confirmed or cancelled."""
    if not plan.ok:
        raise ValueError("A plan with problems cannot be previewed for import.")
    return ImportPreview.objects.create(
        centre=plan.centre,
        user=user,
        rows={
            "created": plan.created,
            "updated": plan.updated,
            **{name: getattr(plan, name) for name in _ROW_LISTS},
            "extra": plan.extra,
        },
    )


def preview_find(*, token, user, centre_code: str) -> ImportPreview | None:
    """The user's own preview for that centre (any other: None, so that it is not revealed)."""
    try:
        return ImportPreview.objects.select_related("centre").get(pk=token, user=user, centre__code=centre_code)
    except (ImportPreview.DoesNotExist, ValidationError):  # ValidationError: a token that is not a UUID
        return None


@transaction.atomic
def preview_confirm(*, preview: ImportPreview, user=None) -> ImportPlan:
    """Import a preview, once: the conditional UPDATE that claims it waits for a concurrent claim to commit or
    roll back, then finds it claimed (PreviewGone("imported")) or not. Everything is one transaction: an import
    that fails leaves the preview unclaimed."""
    now = timezone.now()
    claimed = ImportPreview.objects.filter(
        pk=preview.pk, imported_at__isnull=True, created_at__gte=now - PREVIEW_LIFETIME
    ).update(imported_at=now)
    if not claimed:
        current = ImportPreview.objects.filter(pk=preview.pk).values_list("imported_at", flat=True).first()
        raise PreviewGone("imported" if current else "expired")
    # As stored (JSON: dates as text), not as the instance may hold them after the upload in the same process.
    rows = ImportPreview.objects.filter(pk=preview.pk).values_list("rows", flat=True).get()
    plan = ImportPlan(
        centre=preview.centre,
        created=rows["created"],
        updated=rows["updated"],
        education_rows=len(rows["education"]),
        period_rows=len(rows["periods"]),
        **{name: [_dates(row) for row in rows[name]] for name in _ROW_LISTS},
        extra={name: [_dates(row) for row in sheet] for name, sheet in rows.get("extra", {}).items()},
    )
    workbook_import(plan, user=user)
    ImportPreview.objects.filter(pk=preview.pk).update(rows={})
    return plan


def preview_cancel(*, preview: ImportPreview) -> None:
    ImportPreview.objects.filter(pk=preview.pk, imported_at__isnull=True).delete()


def previews_purge(*, now=None) -> int:
    """Delete previews older than PREVIEW_LIFETIME (imported or not), and workbooks that earlier versions left
    under MEDIA_ROOT/imports. Returns how many previews and files went."""
    now = now or timezone.now()
    deleted, _per_model = ImportPreview.objects.filter(created_at__lt=now - PREVIEW_LIFETIME).delete()
    folder = Path(settings.MEDIA_ROOT) / LEGACY_UPLOADS
    if folder.is_dir():
        limit = (now - PREVIEW_LIFETIME).timestamp()
        for path in folder.glob("*.xlsx"):
            try:
                if path.stat().st_mtime < limit:
                    path.unlink()
                    deleted += 1
            except FileNotFoundError:
                pass
    return deleted
