"""Prachum (ประชุม): meeting minutes and attendance for Thai local-authority networks."""

import os

__version__ = "0.1.0"
APP_NAME = "Prachum"

# PyThaiNLP would make a `pythainlp-data` folder in her home (her profile's top folder on
# Windows) at its first import, and may download; the app needs neither.
os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
