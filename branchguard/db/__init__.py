"""Qt-free data layer: SQLAlchemy models, engine factory and migrations."""
