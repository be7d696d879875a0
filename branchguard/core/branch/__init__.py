"""The branch record and its branch-wide settings."""
