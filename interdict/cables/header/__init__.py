"""ACP-127 transmission header: one module per format line, assembled by ``parse.py``."""
