"""A real SMTP server for tests: aiosmtpd in its own process on 127.0.0.1, writing every
mail it accepts into a Maildir (read back with the standard library's ``mailbox``)."""

from __future__ import annotations

import mailbox
import os
import signal
import socket
import subprocess
import sys
import time
from email.message import Message
from pathlib import Path

from tests.support.streamlit_server import free_port


class SmtpServer:
    """``with SmtpServer(folder) as smtp:`` - ``smtp.url``, ``smtp.mails()``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port()
        self.url = f"smtp://127.0.0.1:{self.port}"
        self._proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> SmtpServer:
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{self.port}", "-c",
             "aiosmtpd.handlers.Mailbox", str(self.folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                if self._proc.poll() is not None:
                    raise RuntimeError("aiosmtpd did not start") from None
                time.sleep(0.05)
        self.__exit__()
        raise RuntimeError("aiosmtpd did not answer")

    def mails(self) -> list[Message]:
        """Every mail received so far, oldest first."""
        box = mailbox.Maildir(str(self.folder), create=False)
        found = [box.get_message(key) for key in box.keys()]
        return sorted(found, key=lambda m: m.get_date())

    def __exit__(self, *_exc: object) -> None:
        if self._proc is not None and self._proc.poll() is None:
            os.kill(self._proc.pid, signal.SIGTERM)
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.kill(self._proc.pid, signal.SIGKILL)
                self._proc.wait()
