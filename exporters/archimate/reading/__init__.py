"""Reading an exchange file: safe parsing, the concepts and diagrams given Steelframe meaning, and
what is kept of the rest as fragments (the archive)."""
