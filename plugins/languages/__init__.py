"""Languages done right: hreflang pairs, a switcher to the counterpart page, and the sitemap."""
