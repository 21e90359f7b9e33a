"""Curation: new documents in, candidate claims out for a curator to review.

It sits above :mod:`omsgraph.extract` (which finds the claims) and :mod:`omsgraph.corpus`
(where they are written and read back).
"""
