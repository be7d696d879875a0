"""The Settings page and its accounts tab."""
