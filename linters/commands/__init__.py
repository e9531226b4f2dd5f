"""The command line on top of the families: one module per `webredactie` command.

Nothing below this package imports it; only the entry point (`linters/__main__.py`,
the `webredactie` script) and the build plugin do.
"""
