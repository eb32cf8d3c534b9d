"""Interdict: counter-proliferation and export-control platform."""

__version__ = "0.1.0"
