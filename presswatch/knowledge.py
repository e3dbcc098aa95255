"""Knowledge files shipped in the package, each verified against its `NAME.meta.json` sidecar.

The sidecar records `version`, `source`, `license`, `built_by`, `built_from` and the file's
`sha256` (STYLE.md section 8); a file whose bytes do not match is refused, never half-trusted.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from presswatch.errors import PresswatchError


def read_verified(path: Path, rebuild: str) -> tuple[bytes, dict[str, Any]]:
    """The bytes of a knowledge file and its sidecar metadata.

    Raises PWE010 when the file or its sidecar is missing or unreadable and PWE011 when the
    sha256 differs; `rebuild` names the command that rebuilds the file, for the message.
    """
    try:
        raw = path.read_bytes()
        meta = json.loads((path.parent / f"{path.name}.meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PresswatchError("PWE010", path=str(path), reason=str(exc), rebuild=rebuild) from exc
    found = hashlib.sha256(raw).hexdigest()
    if found != meta.get("sha256"):
        raise PresswatchError("PWE011", path=str(path), found=found, expected=meta.get("sha256"), rebuild=rebuild)
    return raw, meta


def write_verified(path: Path, data: bytes, meta: dict[str, Any]) -> None:
    """Write a knowledge file and its sidecar: `meta` plus the sha256 of `data` (for builders)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    sidecar = {**meta, "sha256": hashlib.sha256(data).hexdigest()}
    (path.parent / f"{path.name}.meta.json").write_text(json.dumps(sidecar, indent=2) + "\n", encoding="utf-8")


def folder_checksums(root: Path, folders: tuple[str, ...]) -> dict[str, str]:
    """sha256 over each folder's file names and bytes, in name order (a builder's `built_from`)."""
    found = {}
    for folder in folders:
        digest = hashlib.sha256()
        for path in sorted((root / folder).iterdir()):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
        found[folder] = digest.hexdigest()
    return found
