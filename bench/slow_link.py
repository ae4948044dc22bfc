"""A slow network link on loopback: a TCP proxy that adds a fixed round-trip time.

The kernel here has no netem, so the delay is added in user space: every chunk is held
for half the round trip in each direction before it is passed on. The server behind may
be a TCP address or a Unix socket (the test cluster listens only on one).
"""

from __future__ import annotations

import contextlib
import queue
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


def _connect(target: str | tuple[str, int]) -> socket.socket:
    if isinstance(target, str):
        upstream = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    else:
        upstream = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        upstream.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    upstream.connect(target)
    return upstream


def _pipe(source: socket.socket, sink: socket.socket, delay: float) -> None:
    """Each chunk leaves `delay` after it arrived: a chunk that follows another is not
    held twice, as a wire's latency would not be."""
    due: queue.Queue[tuple[float, bytes]] = queue.Queue()

    def deliver() -> None:
        try:
            while True:
                at, chunk = due.get()
                if not chunk:
                    break
                time.sleep(max(0.0, at - time.perf_counter()))
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)

    threading.Thread(target=deliver, daemon=True).start()
    try:
        while chunk := source.recv(65536):
            due.put((time.perf_counter() + delay, chunk))
    except OSError:
        pass
    due.put((0.0, b""))


@contextmanager
def slow_link(target: str | tuple[str, int], round_trip: float) -> Iterator[int]:
    """Listen on a free loopback port (yielded) and forward to `target`, slowly."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    stopping = threading.Event()

    def accept() -> None:
        while not stopping.is_set():
            try:
                client, _ = listener.accept()
            except OSError:
                return
            client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            upstream = _connect(target)
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=_pipe, args=(a, b, round_trip / 2), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stopping.set()
        listener.close()
