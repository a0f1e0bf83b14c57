"""Writing with a buffer callback, shared by peer.py and random_cases.py."""


def serialize_oob(f, value, callback):
    """Serializes with the named buffer callback ("in_band", "out_of_band" or "alternating");
    returns (main bytes, out-of-band buffers)."""
    buffers = []
    seen = [0]

    def keep_in_band(buffer_object):
        index = seen[0]
        seen[0] += 1
        in_band = callback == "in_band" or (callback == "alternating" and index % 2 == 1)
        if not in_band:
            buffers.append(bytes(buffer_object.getbuffer()))
        return in_band

    return f.serialize(value, buffer_callback=keep_in_band), buffers
