"""The early-warning log (预警记录) and the national four-colour warning level."""
