"""The Warnings page: the early-warning log, its add and lift dialogs."""
