"""Diplomatic cables: read every known form and parse it into a typed ``Cable``."""
