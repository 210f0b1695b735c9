"""Search: a lunr index built at build time, everyday words, and nothing left behind."""
