"""citenorm: citation finder and normalizer."""
