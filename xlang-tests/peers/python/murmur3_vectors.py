"""Prints MurmurHash3 x64_128 vectors from pyfory's own hash, as a Rust table.

Run with the pinned pyfory (see the README) and paste the rows into `pyfory_rows` in the
tests of fory-core/src/meta/murmur3.rs (`SEQ` and `KIB` are byte arrays defined there). Every
row is one call of

    pyfory.lib.mmh3.hash_buffer(data, seed)

which returns the two 64-bit lanes (h1, h2) as signed integers; they are printed as unsigned hex.
pyfory passes the seed to the C++ MurmurHash3_x64_128 as a uint32_t.
"""

import pyfory
from pyfory.lib import mmh3

MASK = (1 << 64) - 1

# Every tail length 0..=32 (two full blocks at most) with seed 47, the seed Fory uses for type
# definitions, then a few other inputs and seeds.
CASES = [(bytes(range(n)), 47) for n in range(33)]
CASES += [
    (b"", 0),
    (b"", 1),
    (bytes(range(16)), 0),
    (b"\x01\x02\x08", 47),
    (b"hello", 0),
    (b"hello", 47),
    ("The quick brown fox jumps over the lazy dog".encode(), 0),
    ("The quick brown fox jumps over the lazy dog".encode(), 47),
    ("org.apache.fory.Foo".encode(), 47),
    ("naïve 名前".encode(), 47),
    (bytes(range(256)) * 4, 47),
    (bytes([0xFF] * 31), 0xFFFFFFFF),
]


def rust_bytes(data):
    if len(data) <= 64 and all(32 <= b < 127 and b not in (34, 92) for b in data):
        return f'b"{data.decode()}"'
    if data == bytes(range(len(data))):
        return f"&SEQ[..{len(data)}]"
    if len(set(data)) == 1 and len(data) > 3:
        return f"&[0x{data[0]:02x}; {len(data)}]"
    try:
        text = data.decode()
        if text.isprintable() and '"' not in text and "\\" not in text:
            return f'"{text}".as_bytes()'
    except UnicodeDecodeError:
        pass
    return "&[" + ", ".join(f"0x{b:02x}" for b in data) + "]"


print(f"// pyfory {pyfory.__version__}: pyfory.lib.mmh3.hash_buffer(data, seed) -> (h1, h2)")
for data, seed in CASES:
    h1, h2 = mmh3.hash_buffer(data, seed)
    if len(data) > 64 and data == bytes(range(256)) * 4:
        src = "&KIB"
    else:
        src = rust_bytes(data)
    print(f"    ({src}, {seed}, 0x{h1 & MASK:016x}, 0x{h2 & MASK:016x}),")
