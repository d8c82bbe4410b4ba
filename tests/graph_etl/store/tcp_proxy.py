"""A small TCP proxy for fault tests: forwards a local port to a server and can cut the link.

``cut()`` closes every open connection and stops listening, so new connections are refused, as
when a server goes down; ``restore()`` listens again on the same port. ``cut_after(n, down_for)``
cuts once ``n`` bytes went from the clients to the server (in the middle of a batch) and restores
the link ``down_for`` seconds later (``None``: stays down).
"""

from __future__ import annotations

import socket
import threading


class TcpProxy:
    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.port = 0
        self.sent = 0
        self.cuts = 0
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._listener: socket.socket | None = None
        self._trigger: tuple[int, float | None] | None = None
        self.restore()

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    def restore(self) -> None:
        """Listen (again) and forward new connections."""
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.port = listener.getsockname()[1]
        with self._lock:
            self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self) -> None:
        """Close every connection and stop listening (new connections are refused)."""
        with self._lock:
            listener, self._listener = self._listener, None
            sockets, self._sockets = self._sockets, []
            self.cuts += 1
        for sock in ([listener] if listener else []) + sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    def cut_after(self, nbytes: int, down_for: float | None) -> None:
        """Cut once ``nbytes`` more bytes went to the server; restore ``down_for`` s later."""
        with self._lock:
            self._trigger = (self.sent + nbytes, down_for)

    def close(self) -> None:
        self.cut()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            with self._lock:
                if self._listener is not listener:
                    client.close()
                    upstream.close()
                    return
                self._sockets += [client, upstream]
            threading.Thread(target=self._pump, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, False), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket, to_server: bool) -> None:
        while True:
            try:
                data = source.recv(65536)
            except OSError:
                data = b""
            if not data:
                for sock in (source, sink):
                    try:
                        sock.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
                return
            if to_server and self._count(len(data)):
                return
            try:
                sink.sendall(data)
            except OSError:
                return

    def _count(self, nbytes: int) -> bool:
        """Count bytes sent to the server; True when this chunk trips the cut."""
        with self._lock:
            self.sent += nbytes
            trigger = self._trigger
            if trigger is None or self.sent < trigger[0]:
                return False
            self._trigger = None
        self.cut()
        if trigger[1] is not None:
            timer = threading.Timer(trigger[1], self.restore)
            timer.daemon = True
            timer.start()
        return True
