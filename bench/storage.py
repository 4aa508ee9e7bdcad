"""See bench/settings.py: whitenoise's manifest storage without rewriting `sourceMappingURL` comments."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


def _without_source_maps(patterns):
    def keep(pattern) -> bool:
        regex = pattern[0] if isinstance(pattern, tuple) else pattern
        return "sourceMappingURL" not in regex

    return tuple((extension, tuple(filter(keep, rules))) for extension, rules in patterns)


class SourceMapTolerantStorage(CompressedManifestStaticFilesStorage):
    patterns = _without_source_maps(CompressedManifestStaticFilesStorage.patterns)
