"""Benchmarks: a reproducible corpus and the measurements run by ``benchmarks/run.py``."""
