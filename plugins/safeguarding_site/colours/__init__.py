"""Contrast of the colours a site's palette and stylesheets give the theme and the plugin."""
