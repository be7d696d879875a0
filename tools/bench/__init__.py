"""Benchmarks: every figure is printed as a ratio to a floor measured in the same run."""
