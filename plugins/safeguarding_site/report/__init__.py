"""A report for the people who look after a site: what is due for review, what reads badly."""
