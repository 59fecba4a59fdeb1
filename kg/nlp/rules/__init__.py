"""Rule families, each a spaCy component that proposes candidate spans for one pattern."""
