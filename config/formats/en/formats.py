# The same dd.mm.yyyy everywhere, whatever the interface language.
from config.formats.kk.formats import *  # noqa: F403
