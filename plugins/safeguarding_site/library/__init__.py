"""A library of documents for professionals: policies, toolkits, forms, written as files."""
