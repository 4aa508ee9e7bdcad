"""Signals staffing sends, so that apps above it (attestation) can react without staffing importing them."""

from django.dispatch import Signal

# Sent inside the import's transaction just before the work periods of existing employees are replaced by the
# workbook's rows (deleted, then written again). kwargs: centre, employee_ids (a set). A receiver lets go of its
# references to those period rows, or the deletion is refused.
work_periods_replacing = Signal()

# Sent inside the import's transaction once everything is written. kwargs: centre, created_ids, updated_ids, user.
staff_imported = Signal()
