"""`counterpoint serve`: a local web app and REST API over a SQLite library of analyzed articles and comparisons."""

from __future__ import annotations

from .app import create_app
from .store import Store, default_db_path

__all__ = ["Store", "create_app", "default_db_path"]
