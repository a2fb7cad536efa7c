"""A small Language Server Protocol client over stdio, enough to drive clangd
the way an editor does: requests with ids, notifications, and the server's own
requests (answered with an empty result, as an editor that does not care would).
"""

import json
import os
import queue
import subprocess
import threading
import time


class LspError(Exception):
    pass


class LspClient:
    def __init__(self, command, env=None, stderr_path=os.devnull):
        self._stderr = open(stderr_path, "wb")
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=self._stderr,
                                        env=env)
        self._next_id = 1
        self._messages = queue.Queue()
        self.notifications = []  # (method, params), in arrival order
        threading.Thread(target=self._read_loop, daemon=True).start()

    # Framing: "Content-Length: N\r\n\r\n" then N bytes of JSON.
    def _send(self, message):
        body = json.dumps(message).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read_loop(self):
        out = self.process.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self._messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            if length is None:
                continue
            self._messages.put(json.loads(out.read(length)))

    def _next_message(self, deadline):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise LspError("timed out waiting for the server")
        try:
            message = self._messages.get(timeout=remaining)
        except queue.Empty:
            raise LspError("timed out waiting for the server")
        if message is None:
            raise LspError("the server closed its output (exit code %s)"
                           % self.process.poll())
        if "method" in message and "id" in message:
            # A request from the server (progress tokens, registrations, ...).
            self._send({"jsonrpc": "2.0", "id": message["id"], "result": None})
        elif "method" in message:
            self.notifications.append((message["method"], message.get("params")))
        return message

    def notify(self, method, params):
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, timeout=120):
        request_id = self._next_id
        self._next_id += 1
        self._send({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        while True:
            message = self._next_message(deadline)
            if message.get("id") == request_id and "method" not in message:
                if "error" in message:
                    raise LspError("%s failed: %s" % (method, message["error"]))
                return message.get("result")

    def wait_for_notification(self, method, accept, timeout=180):
        """The first notification `method` (already received or still to come)
        whose params satisfy `accept`."""
        for seen_method, params in self.notifications:
            if seen_method == method and accept(params):
                return params
        deadline = time.monotonic() + timeout
        while True:
            message = self._next_message(deadline)
            if message.get("method") == method and "id" not in message \
                    and accept(message.get("params")):
                return message.get("params")

    def shutdown(self, timeout=30):
        """The LSP goodbye: shutdown, exit; returns the server's exit code."""
        try:
            self.request("shutdown", None, timeout=timeout)
            self.notify("exit", None)
            return self.process.wait(timeout=timeout)
        finally:
            if self.process.poll() is None:
                self.process.kill()
            self._stderr.close()


def apply_text_edits(text, edits):
    """Applies LSP TextEdits (ranges in UTF-16 code units; the inputs here are
    ASCII, where that equals characters) to `text`."""
    line_starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            line_starts.append(i + 1)

    def offset(position):
        return line_starts[position["line"]] + position["character"]

    # Apply from the end so that earlier offsets stay valid.
    for edit in sorted(edits, key=lambda e: offset(e["range"]["start"]), reverse=True):
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text
