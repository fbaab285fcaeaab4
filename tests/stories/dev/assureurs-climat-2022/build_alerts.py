#!/usr/bin/env python3
"""Compute this story's expected_alerts with the shared procedure of ../../build_alerts.py.

Usage: python3 build_alerts.py [expected.json]   (rewrites the file in place)
"""
import pathlib
import runpy
import sys

HERE = pathlib.Path(__file__).resolve().parent

if __name__ == "__main__":
    sys.argv[1:] = sys.argv[1:] or [str(HERE / "expected.json")]
    runpy.run_path(str(HERE.parents[1] / "build_alerts.py"), run_name="__main__")
