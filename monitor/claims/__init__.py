"""French claim extraction: text -> :class:`monitor.models.Claim`.

The public entry point is :func:`monitor.claims.extractor.find_claims`.
"""
