"""The Drills page, its dialogs and models."""
