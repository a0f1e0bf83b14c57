#!/usr/bin/env bash
# The peer python-1.7.7: the Python peer (peers/python/, the same peer.py) on pyfory 1.7.7, in its
# own venv .cache/py-1.7.7. The peer `python` is the same on pyfory 1.6.0.
export PYFORY_VERSION=1.7.7
exec bash "$(dirname "$0")/../python/setup.sh"
