"""The window around the pages: main window, page table, login, banner, notifications."""
