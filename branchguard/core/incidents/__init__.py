"""Live incidents (应急处置): the service, the hash-chained log, reading incidents back."""
