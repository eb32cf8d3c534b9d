"""Types shared by every Interdict capability."""
