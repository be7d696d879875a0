"""The calendar page and the Qt side of the scheduler."""
