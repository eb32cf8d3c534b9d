"""Restricted parties: list loaders, name normalisation, the match index and the screener."""
