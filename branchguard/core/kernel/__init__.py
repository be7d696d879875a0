"""Shared basics of every domain: bilingual text, levels, statuses, actor and roles, errors, messages,
validation, versions, working days, attachments."""
