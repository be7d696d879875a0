"""The Inspections page, the checklist editor and the inspection runner."""
