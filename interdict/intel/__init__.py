"""Cable intelligence: parties, items and links extracted with their provenance, and the
knowledge base that stores, resolves and screens them."""
