"""policykg command line: `policykg --help` lists the commands."""

from __future__ import annotations

import importlib
import os
import pkgutil
from typing import IO, Any

import click

import commands
from extract.errors import PolicyKGError


class CommandError(click.ClickException):
    """A library error at the command-line boundary: one line on stderr, exit code 1."""

    exit_code = 1

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"policykg: error: {self.format_message()}", err=True)


INTERRUPTED = 130  # the shell's code for a command ended by Ctrl-C (128 + SIGINT)


class Group(click.Group):
    """Runs a command; the one place where errors become one line on stderr.

    A PolicyKGError is the user's to act on; Ctrl-C ends with exit code 130 and no traceback; any
    other exception is a bug, said in one line (POLICYKG_DEBUG=1 shows the traceback).
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PolicyKGError as exc:
            raise CommandError(str(exc)) from exc
        except KeyboardInterrupt:
            click.echo("policykg: interrupted", err=True)
            raise SystemExit(INTERRUPTED) from None
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except Exception as exc:
            if os.environ.get("POLICYKG_DEBUG"):
                raise
            first = str(exc).splitlines()[0] if str(exc) else ""
            raise CommandError(
                f"internal error ({type(exc).__name__}: {first}); please report it "
                "(POLICYKG_DEBUG=1 shows the traceback)"
            ) from exc


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="policykg")
def main() -> None:
    """Build a bilingual knowledge graph from policy documents."""


def _register() -> None:
    """Every module in commands/ lists its click commands in COMMANDS."""
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"commands.{info.name}")
        for cmd in getattr(module, "COMMANDS", ()):
            main.add_command(cmd)


_register()

if __name__ == "__main__":
    main()
