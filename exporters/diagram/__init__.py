"""What every diagram format shares: the scope of a drawing (a view or the whole model) and the words on it."""
