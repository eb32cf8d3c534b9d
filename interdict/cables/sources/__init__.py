"""Readers that turn files of any supported form into raw cables, one at a time."""
