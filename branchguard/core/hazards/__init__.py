"""The hazard register (隐患台账): hazards, remediation, verification, their reminders."""
