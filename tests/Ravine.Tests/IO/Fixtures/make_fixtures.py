#!/usr/bin/env python3
"""Writes the .npy test fixtures in this folder.

NumPy was not available when these were made, so every file is written byte by byte following the
NumPy format specification (numpy/lib/format.py, NEP 1): the magic string \\x93NUMPY, the version,
the header length (u16 little-endian for 1.0, u32 for 2.0 and 3.0), then the header dict exactly as
numpy.lib.format._write_array_header writes it -- keys sorted, repr() values, "'key': value, "
pairs, NumPy's 21-digit growth padding for the first (C) or last (Fortran) axis, spaces up to a
multiple of 64 bytes and a final '\\n' -- and then the raw elements.

Run it from anywhere: python3 make_fixtures.py. Standard library only; the output is deterministic.
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
CODES = {"f8": "d", "f4": "f", "i8": "q", "i4": "i"}

# The logical 2-D array per dtype (row-major), chosen to catch byte-order, width and order mistakes.
VALUES = {
    "f8": [[0.1, -2.5, 1e300], [-0.0, 5e-324, 3.141592653589793]],
    "f4": [[0.1, -2.5, 3.25], [-0.0, 1e-45, 16777216.0]],
    "i8": [[1, -2, 2**53], [-(2**62), 2**63 - 1, 0]],
    "i4": [[1, -2, 3], [2**31 - 1, -(2**31), 0]],
}


def header(descr, fortran_order, shape, version=(1, 0)):
    d = {"descr": descr, "fortran_order": fortran_order, "shape": shape}
    text = "{" + "".join("'%s': %s, " % (k, repr(v)) for k, v in sorted(d.items())) + "}"
    if len(shape) > 0:
        text += " " * (21 - len(repr(shape[-1 if fortran_order else 0])))
    return wrap(text, version)


def wrap(text, version):
    fmt = "<H" if version == (1, 0) else "<I"
    encoded = text.encode("utf8" if version == (3, 0) else "latin1")
    hlen = len(encoded) + 1
    padlen = 64 - ((8 + struct.calcsize(fmt) + hlen) % 64)
    return b"\x93NUMPY" + bytes(version) + struct.pack(fmt, hlen + padlen) + encoded + b" " * padlen + b"\n"


def data(kind, endian, flat):
    return struct.pack(endian + CODES[kind] * len(flat), *flat)


def npy(kind, endian, fortran_order, rows, version=(1, 0)):
    flat = [x for col in zip(*rows) for x in col] if fortran_order else [x for row in rows for x in row]
    shape = (len(rows), len(rows[0]))
    return header(endian + kind, fortran_order, shape, version) + data(kind, endian, flat)


def save(name, content):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(content)


def main():
    for kind, rows in VALUES.items():
        for endian, e in (("<", "le"), (">", "be")):
            for fortran_order, o in ((False, "c"), (True, "f")):
                save(f"{kind}_{e}_{o}.npy", npy(kind, endian, fortran_order, rows))

    save("f8_1d.npy", header("<f8", False, (3,)) + data("f8", "<", [1.0, 2.0, 3.0]))
    save("f8_1d_fortran.npy", header("<f8", True, (3,)) + data("f8", "<", [1.0, 2.0, 3.0]))
    save("f8_scalar.npy", header("<f8", False, ()) + data("f8", "<", [42.5]))
    save("f8_empty.npy", header("<f8", False, (0, 3)))
    save("f8_v2.npy", npy("f8", "<", False, VALUES["f8"], (2, 0)))
    save("f4_be_f_v3.npy", npy("f4", ">", True, VALUES["f4"], (3, 0)))
    # Hand-written headers a foreign writer might produce: other key order, odd spacing, no trailing comma,
    # no alignment, Python 2 long literals.
    odd = "{ 'shape' :(2,3) ,\t'fortran_order':False,\n \"descr\":'<f8'}\n".encode("latin1")
    save("odd_spacing.npy", b"\x93NUMPY\x01\x00" + struct.pack("<H", len(odd)) + odd
         + data("f8", "<", [x for row in VALUES["f8"] for x in row]))
    save("python2_longs.npy", wrap("{'descr': '<i4', 'fortran_order': False, 'shape': (2L, 3L), }", (1, 0))
         + data("i4", "<", [x for row in VALUES["i4"] for x in row]))


if __name__ == "__main__":
    main()
