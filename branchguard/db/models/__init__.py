"""ORM models, one module per domain; every class is a …Row."""
