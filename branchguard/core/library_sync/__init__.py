"""The head-office library: exported signed at head office, trusted and imported at a branch."""
