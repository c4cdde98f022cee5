"""Refuse and record every attempt to reach the network, in any Python process that starts
with this folder on PYTHONPATH (Python imports ``sitecustomize`` at start-up).

An audit hook sees every socket operation Python makes, whichever library makes it (http
clients, model hubs, DNS lookups). Name lookups and connections or datagrams to anything but
a local (AF_UNIX) socket are written, one JSON line each, to the file named by
``NO_NETWORK_LOG`` and then refused with ConnectionRefusedError, so the process also behaves
as it would on a machine without a network.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import traceback

_LOG = os.environ.get("NO_NETWORK_LOG")
_LOOKUPS = {"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
            "socket.getnameinfo"}
_SENDS = {"socket.connect", "socket.sendto", "socket.sendmsg"}


def _refuse(event: str, args: tuple) -> None:
    if event in _SENDS:
        sock = args[0]
        if getattr(sock, "family", None) == socket.AF_UNIX:
            return  # a local socket (a sound server, say) is not the network
        target = args[1]
    elif event in _LOOKUPS:
        target = args[0]
    else:
        return
    if _LOG:
        where = "".join(traceback.format_stack(limit=8)[:-2])
        with open(_LOG, "a", encoding="utf-8") as f:
            f.write(json.dumps({"event": event, "target": repr(target), "pid": os.getpid(),
                                "argv": sys.argv, "stack": where}) + "\n")
    raise ConnectionRefusedError(f"network use refused by the test: {event} {target!r}")


sys.addaudithook(_refuse)
