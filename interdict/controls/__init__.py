"""Control lists: machine-evaluable entries, item classification, licence determination."""
