"""Live incidents in the window: the list, the console, follow mode, start and handover."""
