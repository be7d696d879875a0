"""Scheduling: the engine (catch-up and reminders from the rows) and its APScheduler wiring.

engine and wiring are Qt-free; qt is for the GUI alone.
"""
