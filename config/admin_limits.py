"""Limits every admin page of the product keeps (docs/security.md):

- delete confirmations say how many records a deletion touches, never which: a catalogue editor deleting an
  education field must not read the diplomas (or names) of the employees that refer to it;
- a search uses its first few distinct words (config.inputs.search_words).
"""

from collections import Counter

from django.contrib.admin.utils import NestedObjects
from django.db import router

from config.inputs import search_words


class LimitedAdminMixin:
    def get_deleted_objects(self, objs, request):
        _deleted, model_count, perms_needed, _protected = super().get_deleted_objects(objs, request)
        collector = NestedObjects(using=router.db_for_write(self.model))
        collector.collect(objs)
        # The records the user chose are theirs to see; everything they drag along is counted by kind.
        chosen = [str(obj) for obj in objs]
        counts = Counter(str(obj._meta.verbose_name_plural) for obj in collector.protected)
        protected = [f"{name}: {count}" for name, count in sorted(counts.items())]
        return chosen, model_count, perms_needed, protected

    def get_search_results(self, request, queryset, search_term):
        return super().get_search_results(request, queryset, " ".join(search_words(search_term)))
