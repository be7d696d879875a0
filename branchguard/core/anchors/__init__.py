"""Anchors (锚点): signed ledger heads kept outside the database, and checking the data against them."""
