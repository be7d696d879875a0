"""Scheduling (Qt-free): the engine (catch-up and reminders from the rows) and its APScheduler wiring.

The Qt adapter (QtScheduler and the signals) is `branchguard.gui.schedules.qt_scheduler`.
"""
