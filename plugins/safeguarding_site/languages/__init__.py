"""Pages in other languages: translations beside their page, a switcher, the page's language."""
