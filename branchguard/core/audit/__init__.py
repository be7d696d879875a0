"""The audit trail: recorded inside each change's unit of work, read back with filters."""
