"""The production settings (config.settings) for `make bench` and `make load`, with ONE workaround.

`collectstatic` with DEBUG off (whitenoise's CompressedManifestStaticFilesStorage) fails on the project as shipped:
static/vendor/chartjs/chart.umd.min.js ends with `//# sourceMappingURL=chart.umd.min.js.map` and the .map file is
not vendored, so Django's manifest post-processing raises MissingFileError. The storage below skips rewriting
source-map comments and is otherwise the same. Delete this module (and use config.settings) once the product strips
that comment or ships the map.
"""

from config.settings import *  # noqa: F403

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "bench.storage.SourceMapTolerantStorage"}}  # noqa: F405
