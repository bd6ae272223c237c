"""policykg command line: `policykg --help` lists the commands."""
from __future__ import annotations

import sys

import click

from extract.errors import PolicyKGError


class Group(click.Group):
    """Runs a command; a PolicyKGError becomes one line on stderr and exit code 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except PolicyKGError as exc:
            click.echo(f"policykg: error: {exc}", err=True)
            sys.exit(1)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="policykg")
def main() -> None:
    """Build a bilingual knowledge graph from policy documents."""


def _register() -> None:
    """Every module in commands/ lists its click commands in COMMANDS."""
    import importlib
    import pkgutil

    import commands
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"commands.{info.name}")
        for cmd in getattr(module, "COMMANDS", ()):
            main.add_command(cmd)


_register()

if __name__ == "__main__":
    main()
