"""Development: the embedded default (SQLite, in-memory channel layer, database search)."""

from .base import *  # noqa: F403
from .env import env_bool

DEBUG = env_bool("DEBUG", True)
