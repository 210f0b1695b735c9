"""Easy read: a second, simpler version of a page, one toggle away, checked at build time."""
