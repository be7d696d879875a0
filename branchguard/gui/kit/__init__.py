"""Shared widgets and helpers of every page: tables, forms, dates, files, tasks, icons, style."""
