"""Steelframe's domain model, file format and constraint engine. Imports no Qt."""
