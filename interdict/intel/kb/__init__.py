"""The knowledge base: extracted facts stored per cable, resolved into entities, screened."""
