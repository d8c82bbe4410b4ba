"""CLI commands, one module per capability; importing a module registers its commands."""
