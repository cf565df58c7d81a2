"""How the command line ends on an error: one line on stderr and a non-zero exit status.

A user's mistake (a missing or unreadable path, an unwritable output, a store that
cannot be opened, an unknown option, an output another run is writing) is said in
one line naming what is wrong, exit status 2. Anything else is a fault of
Chronicle's: one line too, exit status 1, asking for `--debug`, which shows the
full traceback instead. Ctrl-C and SIGTERM end with 130 and 143.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Callable, Sequence

import typer

USER_MISTAKE = 2
FAULT = 1


class UserError(Exception):
    """A mistake in what the user asked for, said in the message."""


class Terminated(Exception):
    """SIGTERM outside a batch run (inside one, chronicle.interrupts handles it)."""


def _terminated(signum, frame) -> None:
    raise Terminated()


def describe(exc: BaseException) -> tuple[str, int]:
    """(one-line message, exit status) for an exception that ended a command."""
    from chronicle.batch import OutputBusy, ResumeMismatch
    from chronicle.export.paths import UnsafeOutputPath
    from chronicle.store import StoreUnavailable

    if isinstance(exc, ResumeMismatch):
        return _one_line(f"cannot resume: {exc}"), USER_MISTAKE
    if isinstance(exc, (UserError, OutputBusy, StoreUnavailable, UnsafeOutputPath)):
        return _one_line(str(exc)), USER_MISTAKE
    if isinstance(exc, OSError) and exc.filename is not None:  # missing, unreadable, unwritable, a folder, ...
        return f"{exc.filename}: {exc.strerror or exc}", USER_MISTAKE
    if isinstance(exc, OSError):
        return _one_line(f"{exc.strerror or exc}"), USER_MISTAKE
    if type(exc).__module__.startswith(("sqlite3", "psycopg")):
        return _one_line(f"store: {exc}"), USER_MISTAKE
    return _one_line(f"internal error: {type(exc).__name__}: {exc} (run again with --debug for the traceback)"), FAULT


def _one_line(message: str) -> str:
    lines = [ln.strip() for ln in message.strip().splitlines() if ln.strip()]
    return lines[0] if lines else "error"


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def run(app: Callable, argv: Sequence[str] | None = None) -> None:
    """Run the Typer `app` on argv (default sys.argv[1:]) and exit with its status.
    `--debug` anywhere on the line (or CHRONICLE_DEBUG=1) lets tracebacks through."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args or os.environ.get("CHRONICLE_DEBUG") == "1"
    args = [a for a in args if a != "--debug"]
    if debug:
        args.insert(0, "--debug")  # the app's own option, so the commands can see it
    err = sys.stderr
    previous = signal.signal(signal.SIGTERM, _terminated) if _main_thread() else None
    try:
        status = app(args=args, prog_name="chronicle", standalone_mode=False)
    except typer.Exit as exc:
        status = exc.exit_code
    except Exception as exc:  # noqa: BLE001 - sorted below; Typer's click (vendored or not) by class name
        kinds = {cls.__name__ for cls in type(exc).__mro__}
        if isinstance(exc, Terminated):
            print("chronicle: stopped (SIGTERM)", file=err)
            status = 143
        elif "Abort" in kinds:  # click's name for a Ctrl-C inside a command
            print("\nchronicle: interrupted (Ctrl-C)", file=err)
            status = 130
        elif "NoArgsIsHelpError" in kinds:  # the help was printed
            status = USER_MISTAKE
        elif "UsageError" in kinds:  # unknown option or command, missing argument, bad value
            ctx = getattr(exc, "ctx", None)
            command = ctx.command_path if ctx is not None else "chronicle"
            print(f"{command}: {_one_line(exc.format_message())} (see {command} --help)", file=err)
            status = USER_MISTAKE
        elif "ClickException" in kinds:
            print(f"chronicle: {_one_line(exc.format_message())}", file=err)
            status = getattr(exc, "exit_code", None) or USER_MISTAKE
        elif debug:
            raise
        else:
            message, status = describe(exc)
            print(f"chronicle: {message}", file=err)
    except KeyboardInterrupt:
        print("\nchronicle: interrupted (Ctrl-C)", file=err)
        status = 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    sys.exit(status if isinstance(status, int) else 0)
