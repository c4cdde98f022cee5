"""A calm, hands-free, offline facilitator for the Imago Dialogue."""

import os

__version__ = "0.1.0"

# onnxruntime (the meaning model, Piper's voice) uploads usage telemetry from a background
# thread unless told not to, before its first session starts. Nothing leaves this machine.
os.environ["ORT_DISABLE_TELEMETRY"] = "1"
