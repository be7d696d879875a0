"""The People & contacts page."""
