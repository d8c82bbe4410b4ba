"""``python -m cli``: the ``fakefree`` command."""

from cli.main import main

if __name__ == "__main__":
    main()
