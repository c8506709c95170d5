"""AsyncAPI 2.x and 3.x: reading application documents into the estate, and writing a model as them."""
