"""News timeline dashboard: time phrases, events and actors from news articles."""
