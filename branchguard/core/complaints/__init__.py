"""Customer complaints (投诉处理): the register, the five steps, the statutory clock and its reminders."""
