"""The contract between reading and writing: what an import keeps of a file beyond Steelframe's
meaning, and the check that a kept archive is one the export can write back."""
