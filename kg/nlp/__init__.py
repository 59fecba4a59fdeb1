"""Chinese NLP: the rule pipeline that finds entities in a `Document`."""
