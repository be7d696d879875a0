"""Login accounts: password hashes, roles, lockout."""
