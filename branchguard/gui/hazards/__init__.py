"""The hazard register page, a hazard's detail, dialogs, export and the severity policy."""
