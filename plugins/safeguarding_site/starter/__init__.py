"""`safeguarding new`: a working site for a board, ready to build and publish."""
