"""The staff roster and the emergency contacts."""
