"""Backups (备份): one archive of the database, attachments, keys and settings, checked and restored."""
