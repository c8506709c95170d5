"""The structural check of an exchange file: the Open Group schema's rules as tables, a quick
one-pass check, and the full validation that names what is wrong."""
