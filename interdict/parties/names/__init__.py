"""Names as the matcher sees them: normalised, transliterated, split into weighted parts."""
