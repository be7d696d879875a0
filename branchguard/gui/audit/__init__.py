"""The audit-trail page."""
