"""Small typed readers of the environment that fail loudly on bad values."""

import os
from fractions import Fraction

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, got {raw!r}")


def env_list(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from exc


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_fraction(name: str, default: str) -> Fraction:
    """A share between 0 (exclusive) and 1 (inclusive), written "2/3" or "0.5"."""
    raw = os.environ.get(name) or default
    try:
        value = Fraction(raw.strip())
    except (ValueError, ZeroDivisionError) as exc:
        raise ImproperlyConfigured(f"{name} must be a fraction such as 2/3, got {raw!r}") from exc
    if not 0 < value <= 1:
        raise ImproperlyConfigured(f"{name} must be more than 0 and at most 1, got {raw!r}")
    return value
