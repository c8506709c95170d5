"""Steelframe's benchmark: generated estates of hundreds to thousands of contexts, measured end to end.

Run ``python -m bench`` (``--sizes 200 2000``, ``--edits 300``, ``--profile``). It answers whether the
live engine keeps up with a user editing a large estate, and where the time goes when it does not.
"""
