"""Signposting: services written once as Markdown files, shown wherever they are relevant."""
