"""``python -m citenorm`` runs the command line (same as the ``citenorm`` script)."""

from .cli import main

main()
