"""The cables archive: parsed cables stored, searchable in full text, and shown again."""
