"""Loopback helpers shared by the tests and the bench scripts: a free port, and a server that never answers."""

import socket
import threading


def free_port():
    """A loopback port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class HungServer:
    """A loopback port that accepts connections and never reads nor answers: a stuck server."""

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(128)
        self.port = self.listener.getsockname()[1]
        self.connections = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:  # closed when the test or the run ends
                return
            self.connections.append(connection)

    @property
    def attempts(self):
        """How many connections clients opened to it."""
        return len(self.connections)

    def close(self):
        for connection in [self.listener, *self.connections]:
            connection.close()
