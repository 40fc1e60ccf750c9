"""The generic engine that runs rule files over a Document."""
