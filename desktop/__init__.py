"""Prachum (ประชุม): meeting minutes and attendance for Thai local-authority networks."""

__version__ = "0.1.0"
APP_NAME = "Prachum"
