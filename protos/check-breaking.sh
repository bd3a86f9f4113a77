#!/usr/bin/env bash
# Fails when the contracts would break a client of the v1 contracts as released: `buf breaking` with the rules of
# buf.yaml (FILE: what breaks the wire, the JSON mapping, or code generated from the protos in any language).
#   protos/check-breaking.sh [FOLDER]   FOLDER: the contracts to check, laid out as protos/ (default: protos/)
# Exits 100, naming each change, when something breaks. './platform.sh test' runs it after `buf lint`.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
contracts=$(cd "${1:-$repo/protos}" && pwd)

# The v1 contracts as released. A client built from them must keep working: never move this to let a break through.
BASELINE=e1b3e696009cf7fa9c3cfbc16bc8ddc5cf373635

buf="$repo/.tools/node_modules/.bin/buf"
[ -x "$buf" ] || buf=$(command -v buf) || { echo "buf is missing: './platform.sh setup' installs it." >&2; exit 2; }
googleapis="$repo/.tools/googleapis"
[ -f "$googleapis/google/api/annotations.proto" ] ||
  { echo "$googleapis is missing: './platform.sh test' or './platform.sh contracts' copies it." >&2; exit 2; }
# A shallow clone may not have the baseline yet.
git -C "$repo" cat-file -e "$BASELINE^{commit}" 2>/dev/null || git -C "$repo" fetch --quiet --no-tags origin "$BASELINE" ||
  { echo "The baseline commit $BASELINE is not in this clone: git fetch origin $BASELINE" >&2; exit 2; }

# Both sides as buf workspaces of the same shape (buf.yaml, protos/, the Google protos they import), so buf names a
# change by its path under protos/ whichever folder was checked.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/baseline/.tools" "$work/current/.tools"
git -C "$repo" archive "$BASELINE" buf.yaml protos | tar -x -C "$work/baseline"
cp "$repo/buf.yaml" "$work/current/"
cp -R "$contracts" "$work/current/protos"
cp -R "$googleapis" "$work/baseline/.tools/"
cp -R "$googleapis" "$work/current/.tools/"
cd "$work/current"
"$buf" breaking protos --against "$work/baseline/protos"
