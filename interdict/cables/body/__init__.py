"""Telegram body: banner, captions, E.O., TAGS, REF, subject, paragraphs, signers."""
