"""The Python side of fory-core/examples/zmq_python.rs: exchanges a Batch with fory-rs as ZeroMQ
multipart messages [main, buffer 0, buffer 1] (pyzmq, pyfory 1.7.7 default xlang configuration).

Needs pyfory, numpy and pyzmq (the Python peer's venv has them: xlang-tests/peers/python/setup.sh):

    python3 zmq_python.py [ENDPOINT]   connects a REQ socket to ENDPOINT (default
                                       tcp://127.0.0.1:5555), where zmq_python.rs has bound its REP

1. Sends PY_BATCH: pyfory hands its two `bytes` fields to the buffer callback, which sends both
   out-of-band, as parts of their own, straight from their memory (copy=False). pyfory never
   hands a numeric array to the callback: the numpy float64 array stays in the main part, in
   pyfory's in-band form (varuint32 byte length + little-endian elements). `raw_values` carries
   the same floats as `bytes`, out-of-band, so that the receiver can view them in place.
2. Receives Rust's batch (copy=False: the parts are zmq.Frame memoryviews) and checks it;
   `raw_values` is viewed as float64 with numpy.frombuffer. Prints `OK zmq_python` or
   `FAIL zmq_python: <why>` and sends that line to Rust as a last message. Exits 1 on failure.
"""

import sys
from dataclasses import dataclass
from typing import List

import numpy as np
import pyfory
import zmq

ROW = "zmq_python"
TYPE_ID = 120
PAYLOAD = 1 << 20
VALUES = 1 << 17
TIMEOUT_MS = 30_000


@dataclass
class Batch:
    name: str
    step: int  # int64
    labels: List[str]
    payload: bytes  # out-of-band
    values: pyfory.NDArray[pyfory.Float64]  # numpy float64: in-band (pyfory's form)
    raw_values: bytes  # the same floats, little-endian, out-of-band


def pattern(length, mul, add):
    return ((np.arange(length, dtype=np.int64) * mul + add) % 251).astype(np.uint8).tobytes()


def batch(name, step, labels, payload, scale, offset):
    values = np.arange(VALUES, dtype=np.float64) * scale + offset
    return Batch(name, step, labels, payload, values, values.astype("<f8").tobytes())


PY_BATCH = batch("from-python", -12345, ["python", "pyzmq", "numpy"], pattern(PAYLOAD, 13, 5), -0.5, 3.0)
RUST_BATCH = batch("from-rust", 1 << 40, ["rust", "zeromq"], pattern(PAYLOAD, 7, 1), 0.25, 1.0)


def new_fory():
    fory = pyfory.Fory(xlang=True)
    fory.register(Batch, type_id=TYPE_ID)
    return fory


def check(frames, fory):
    sizes = [len(f.buffer) for f in frames]
    if len(frames) != 3:
        return f"expected 3 parts (main, payload, raw_values), got {sizes}"
    # pyfory takes the main part as bytes or a pyfory.Buffer (not a memoryview): wrap the frame.
    # It reads each out-of-band `bytes` field into a new bytes object (a copy of the part).
    got = fory.deserialize(pyfory.Buffer(frames[0].buffer), buffers=[f.buffer for f in frames[1:]])
    want = RUST_BATCH
    for field in ("name", "step", "labels", "payload", "raw_values"):
        if getattr(got, field) != getattr(want, field):
            return f"field {field} differs from Rust's batch"
    if not isinstance(got.values, np.ndarray) or not np.array_equal(got.values, want.values):
        return f"field values differs from Rust's batch ({type(got.values).__name__})"
    view = np.frombuffer(got.raw_values, dtype="<f8")  # no copy: a view of the bytes
    if not np.array_equal(view, want.values):
        return "raw_values do not hold the values"
    print(f"python: received parts of {sizes} bytes", file=sys.stderr)
    return None


def main():
    endpoint = sys.argv[1] if len(sys.argv) > 1 else "tcp://127.0.0.1:5555"
    fory = new_fory()
    context = zmq.Context()
    socket = context.socket(zmq.REQ)
    socket.setsockopt(zmq.RCVTIMEO, TIMEOUT_MS)
    socket.setsockopt(zmq.SNDTIMEO, TIMEOUT_MS)
    socket.setsockopt(zmq.LINGER, TIMEOUT_MS)
    socket.connect(endpoint)
    try:
        buffers = []

        def out_of_band(buffer_object):
            buffers.append(buffer_object)
            return False  # False: out-of-band

        main_part = fory.serialize(PY_BATCH, buffer_callback=out_of_band)
        kinds = [type(b).__name__ for b in buffers]
        print(f"python: main {len(main_part)} bytes, buffers handed to the callback: {kinds}",
              file=sys.stderr)
        socket.send_multipart([main_part, *[b.raw() for b in buffers]], copy=False)
        try:
            frames = socket.recv_multipart(copy=False)
            why = check(frames, fory)
        except zmq.Again:
            why = f"no reply from Rust within {TIMEOUT_MS} ms"
        except Exception as e:  # a decode error: report it as the row's failure
            why = f"{type(e).__name__}: {e}"
        verdict = f"OK {ROW}" if why is None else f"FAIL {ROW}: {why}"
        print(verdict)
        try:
            socket.send(verdict.encode())
        except zmq.ZMQError:
            pass
        return 0 if why is None else 1
    finally:
        socket.close()
        context.term()


if __name__ == "__main__":
    sys.exit(main())
