"""Quick exit: leave the site in one action and leave as little trace as a browser allows."""
