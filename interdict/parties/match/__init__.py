"""Scoring a query against one listed entity, with the reasons for every point."""
