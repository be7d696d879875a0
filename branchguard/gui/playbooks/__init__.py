"""The Playbooks page, the editor, preview, history, diff and import/export."""
