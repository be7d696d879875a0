"""Schedules and reminders: recurrence, Chinese working days, catch-up, calendar export."""
