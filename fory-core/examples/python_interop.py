"""The Python side of fory-core/examples/python_interop.rs: exchanges a weather Station with
fory-rs, in both directions, with pyfory on its default xlang configuration
(`pyfory.Fory(xlang=True)`: compatible mode, no reference tracking) plus the registrations.

Needs only pyfory and numpy:

    pip install pyfory==1.7.7 numpy

    python3 python_interop.py write DIR   writes DIR/python_interop.bin
    python3 python_interop.py read DIR    decodes DIR/python_interop.bin, whichever side wrote it,
                                          compares it with STATION and prints `OK python_interop`
                                          or `FAIL python_interop: <why>`; exits 1 on failure

The Rust side: `cargo run -p fory-core --example python_interop -- write|read DIR`.
"""

import os
import sys
from dataclasses import dataclass
from typing import List, Optional

import numpy as np
import pyfory

NAME = "python_interop"


@dataclass
class Location:  # a struct inside a struct; a float is a float64
    latitude: float
    longitude: float


@dataclass
class Sensor:  # the element of a list of structs
    kind: str
    unit: Optional[str]  # nullable: Rust's Option<String>


@dataclass
class Station:
    name: str
    # A bare `int` is a 64-bit integer on the wire; pyfory.Int32 makes it Rust's i32 (VARINT32).
    elevation: pyfory.Int32
    location: Location
    sensors: List[Sensor]
    operator: Optional[str]
    # pyfory.NDArray[T] declares a numeric array (Rust's Vec<f64>, Vec<i32>) whose Python value
    # is a 1-D numpy array of that dtype, written and read as numpy. (pyfory.Array[T] is the same
    # on the wire but reads into pyfory's own Float64Array / Int32Array instead of numpy.)
    temperatures: pyfory.NDArray[pyfory.Float64]  # numpy float64
    readings: pyfory.NDArray[pyfory.Int32]  # numpy int32


STATION = Station(
    name="Jungfraujoch",
    elevation=3571,
    location=Location(latitude=46.5475, longitude=7.9853),
    sensors=[Sensor(kind="thermometer", unit="°C"), Sensor(kind="door", unit=None)],
    operator="MeteoSwiss",
    temperatures=np.array([-7.25, -6.5, -8.0, 0.125], dtype=np.float64),
    readings=np.array([12, -3, 0, 2**31 - 1], dtype=np.int32),
)


def new_fory():
    fory = pyfory.Fory(xlang=True)
    # The same ids as the Rust side's fory.register::<T>(id).
    fory.register(Location, type_id=101)
    fory.register(Sensor, type_id=102)
    fory.register(Station, type_id=103)
    return fory


def write(directory):
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, NAME + ".bin"), "wb") as fh:
        fh.write(new_fory().serialize(STATION))


def differences(got, want):
    """What differs between two Stations (numpy arrays by dtype and elements)."""
    if not isinstance(got, Station):
        return [f"decoded a {type(got).__name__}, not a Station"]
    out = []
    for field in ("name", "elevation", "location", "sensors", "operator"):
        if getattr(got, field) != getattr(want, field):
            out.append(f"{field}: {getattr(got, field)!r}, expected {getattr(want, field)!r}")
    for field in ("temperatures", "readings"):
        a, b = getattr(got, field), getattr(want, field)
        if not isinstance(a, np.ndarray) or a.dtype != b.dtype or not np.array_equal(a, b):
            out.append(f"{field}: {a!r}, expected {b!r}")
    return out


def read(directory):
    try:
        with open(os.path.join(directory, NAME + ".bin"), "rb") as fh:
            got = new_fory().deserialize(fh.read())
        problems = differences(got, STATION)
    except Exception as e:
        problems = [f"{type(e).__name__}: {e}"]
    if not problems:
        print(f"OK {NAME}")
        return True
    print(f"FAIL {NAME}: " + " ".join("; ".join(problems).split()))
    return False


def main(argv):
    if len(argv) == 2 and argv[0] == "write":
        write(argv[1])
        return 0
    if len(argv) == 2 and argv[0] == "read":
        return 0 if read(argv[1]) else 1
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
