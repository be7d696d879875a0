"""The Complaints page: the register with its countdowns, and one complaint's steps."""
