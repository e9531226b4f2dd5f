"""Plain-language checks: Dutch at level B1 and plain English."""
