"""MkDocs plugins: thin event handlers over `linters/` (owner footer, feedback, languages)."""
