"""Commands of ``python -m generator`` that live in their own modules (each registers itself)."""
