"""Exchanges one Order with fory-rs (fory-core/examples/peer_interop.rs) and the Java and Go
programs next to it, with pyfory in its default xlang configuration: `pyfory.Fory(xlang=True)`
plus the registrations, nothing else.

    interop.py write DIR   writes DIR/interop_by_id.bin (types registered by id) and
                           DIR/interop_by_name.bin (types registered by name, namespace "example")
    interop.py read DIR    decodes those two files, whichever program wrote them, compares each
                           with ORDER and prints `OK <name>` or `FAIL <name>: <why>`; exits 1 if
                           one failed

The conformance runner calls it as `xlang-tests/peers/python/run interop write|read DIR`.
"""

import enum
import os
import sys
from dataclasses import dataclass
from typing import Dict, List, Optional

import pyfory


class Status(enum.Enum):  # an ENUM: the member's position, 0, 1, 2
    PENDING = 0
    SHIPPED = 1
    DELIVERED = 2


@dataclass
class Customer:
    name: str
    email: Optional[str]  # nullable


@dataclass
class Order:
    id: int  # int64
    customer: Customer  # a nested struct
    items: List[str]  # list<string>
    quantities: Dict[str, pyfory.Int32]  # map<string, int32>
    note: Optional[str]  # nullable
    status: Status  # an enum
    prices: pyfory.Array[pyfory.Float64]  # float64 array, carried as pyfory.Float64Array


ORDER = Order(
    id=2**40,
    customer=Customer(name="Ada Lovelace", email=None),
    items=["tea", "scone"],
    quantities={"tea": 2, "scone": 3},
    note="leave at the door",
    status=Status.SHIPPED,
    prices=pyfory.Float64Array([2.5, -0.75]),
)

# name -> registered by name?
VARIANTS = {"interop_by_id": False, "interop_by_name": True}


def new_fory(by_name):
    fory = pyfory.Fory(xlang=True)  # the defaults: compatible mode, no reference tracking
    if by_name:
        fory.register(Status, name="example.Status")
        fory.register(Customer, name="example.Customer")
        fory.register(Order, name="example.Order")
    else:
        fory.register(Status, type_id=1)
        fory.register(Customer, type_id=2)
        fory.register(Order, type_id=3)
    return fory


def write(directory):
    os.makedirs(directory, exist_ok=True)
    for name, by_name in VARIANTS.items():
        with open(os.path.join(directory, name + ".bin"), "wb") as fh:
            fh.write(new_fory(by_name).serialize(ORDER))


def same(got, want):
    """Field by field; the float64 array compared as a list of its elements."""
    return (
        isinstance(got, Order)
        and list(got.prices) == list(want.prices)
        and {**vars(got), "prices": None} == {**vars(want), "prices": None}
    )


def read(directory):
    ok = True
    for name, by_name in VARIANTS.items():
        try:
            with open(os.path.join(directory, name + ".bin"), "rb") as fh:
                got = new_fory(by_name).deserialize(fh.read())
            if same(got, ORDER):
                print(f"OK {name}")
                continue
            why = f"decoded {got!r}, expected {ORDER!r}"
        except Exception as e:
            why = f"{type(e).__name__}: {e}"
        print(f"FAIL {name}: " + " ".join(why.split("\n")))
        ok = False
    return ok


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
