"""Where an export may be written: the file the operator named, and nothing it could be made to mean.

The web export never takes a file name from a request; the command line does
take one, so it is checked here: no `..` part (a name built from a variable
or a script's input cannot climb out of the folder it was meant for), no
NUL, and never through a symbolic link or onto something that is not a
regular file (a device, a pipe, a folder).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class UnsafeOutputPath(ValueError):
    """The output path was refused; the message says why."""


def output_path(path: str | os.PathLike) -> Path:
    """The checked output path; raises UnsafeOutputPath when it is refused."""
    text = os.fspath(path)
    if not text or "\x00" in text:
        raise UnsafeOutputPath("an output path must be a non-empty name without NUL characters")
    # both separators: a name written for Windows must not climb out either
    if ".." in text.replace("\\", "/").split("/"):
        raise UnsafeOutputPath(f"refusing {text!r}: '..' in an output path")
    target = Path(text)
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        if not target.parent.is_dir():
            raise UnsafeOutputPath(f"refusing {text!r}: folder {str(target.parent)!r} does not exist") from None
        return target
    if stat.S_ISLNK(info.st_mode):
        raise UnsafeOutputPath(f"refusing {text!r}: it is a symbolic link")
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeOutputPath(f"refusing {text!r}: it exists and is not a regular file")
    return target
