"""Qt-free domain layer: types, rules and services (use cases)."""
