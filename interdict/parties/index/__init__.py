"""The on-disk match index: candidate retrieval for millions of names without a search server."""
