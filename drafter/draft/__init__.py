"""Drafting: ``outline`` (the YAML outline), ``compose`` (outline + bank →
speech through a genre's template), ``render`` (the draft written as a file)."""
