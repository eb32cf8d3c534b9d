"""Datasets on disk: built aside, swapped in atomically, opened read-only for screening."""
