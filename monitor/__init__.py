"""French news monitoring: figures and contradictions in the press, as alerts."""

__version__ = "0.1.0"
