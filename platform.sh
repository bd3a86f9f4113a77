#!/usr/bin/env bash
# HmisPlatform's two commands, the set-up both need, and the contracts for clients.
#   ./platform.sh run    set up what is missing, then run the whole platform with the Aspire dashboard
#   ./platform.sh test   set up what is missing, then check the contracts (lint, breaking) and run every test
#   ./platform.sh setup  only the set-up (idempotent)
#   ./platform.sh load [OPTIONS]  build in Release, start the platform with the load tool and measure it against the
#                        hardware's ceiling; the table and plot go to artifacts/load (docs/performance.md)
#   ./platform.sh import FOLDER [--dry-run] [--skip-bad-rows] [--gateway URL] [--grpc URL]  the go-live import of the
#                        Continuum's CSV files into a running platform, as the HMIS team (docs/import.md)
#   ./platform.sh contracts [FOLDER]  the contracts for a client in any language, with every proto they import and
#                        the google/rpc error details, in one folder (default artifacts/contracts)
#   ./platform.sh images [--only NAME,...]  the container images, built with podman from this repository and the apt
#                        mirror alone (deploy/images/build.sh)
#   ./platform.sh deploy-test  the images, then deploy/kubernetes played with podman kube play (two replicas of every
#                        service), journeys through a crashed replica of each and a Redis outage, then torn down
#                        (docs/deploy.md)
# Needs the .NET SDK; installs redis-server, PostgreSQL, Node.js and Chromium through apt when run as root and missing,
# and buf (the protobuf linter and client) into .tools/ through npm.
set -euo pipefail
CALLER_DIR=$PWD
cd "$(dirname "$0")"

BUF_VERSION=1.75.0
BUF=".tools/node_modules/.bin/buf"
# The Kubernetes schema check (deploy/kubernetes/validate.mjs).
KUBERNETES_MODELS_VERSION=5.1.0
YAML_VERSION=2.9.1

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Stops whatever still runs from under a folder (by command line or working directory): servers a crashed
# test process could not stop itself.
stop_processes_under() {
  local dir="$1" proc pids=() pid
  for proc in /proc/[0-9]*; do
    [ "${proc#/proc/}" = "$$" ] && continue
    if grep -qsaF -- "$dir" "$proc/cmdline" || [[ "$(readlink "$proc/cwd" 2>/dev/null)" == "$dir"* ]]; then
      pids+=("${proc#/proc/}")
    fi
  done
  [ ${#pids[@]} -eq 0 ] && return 0
  kill "${pids[@]}" 2>/dev/null || true
  # A server that cannot shut down cleanly (Redis failing its last save) is killed after ten seconds.
  local tries alive=()
  for tries in $(seq 1 20); do
    alive=()
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
    [ ${#alive[@]} -eq 0 ] && return 0
    sleep 0.5
  done
  kill -9 "${alive[@]}" 2>/dev/null || true
}

setup() {
  command -v dotnet >/dev/null || { echo "The .NET SDK is required: https://dotnet.microsoft.com/download" >&2; exit 1; }
  local missing=()
  command -v redis-server >/dev/null || missing+=(redis-server)
  compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
  command -v setpriv >/dev/null || missing+=(util-linux)
  command -v npm >/dev/null || missing+=(nodejs npm)
  command -v chromium >/dev/null || missing+=(chromium)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "Missing: ${missing[*]}. Run this as root once, or install them with apt." >&2
      exit 1
    fi
    say "Installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  install_buf
}

install_buf() {
  if [ ! -x "$BUF" ] || [ "$("$BUF" --version 2>/dev/null)" != "$BUF_VERSION" ] \
    || ! grep -qs "\"version\": \"$KUBERNETES_MODELS_VERSION\"" .tools/node_modules/kubernetes-models/package.json \
    || ! grep -qs "\"version\": \"$YAML_VERSION\"" .tools/node_modules/yaml/package.json; then
    command -v npm >/dev/null || { echo "npm is required to install buf: './platform.sh setup' as root installs it." >&2; exit 1; }
    say "Installing buf $BUF_VERSION and the Kubernetes schemas into .tools/"
    mkdir -p .tools
    npm install --silent --no-audit --no-fund --prefix .tools "@bufbuild/buf@$BUF_VERSION" \
      "kubernetes-models@$KUBERNETES_MODELS_VERSION" "yaml@$YAML_VERSION" >/dev/null
  fi
}

run() {
  setup
  # The contracts' imports, so `buf curl --schema .` (docs/api.md) reads the administration APIs from the repository.
  google_protos
  say "Building and starting HmisPlatform in Release; open the dashboard with the login link printed below"
  exec dotnet run --project AppHost --launch-profile http --configuration Release
}

# The load tool (tests/HmisPlatform.Load) in Release: it starts the platform itself, as `run` does, with the gateway's
# rate limit raised for its own run, and stops it at the end.
load() {
  setup
  say "Building the platform and the load tool in Release"
  dotnet build tests/HmisPlatform.Load --configuration Release --verbosity quiet
  say "Running the load tool"
  dotnet run --project tests/HmisPlatform.Load --configuration Release --no-build -- "$@"
}

# The go-live import: builds the import tool in Release, then runs it from the caller's folder, so FOLDER is as they typed it.
import_data() {
  command -v dotnet >/dev/null || { echo "The .NET SDK is required: https://dotnet.microsoft.com/download" >&2; exit 1; }
  dotnet build tools/HmisPlatform.Import --configuration Release --verbosity quiet >/dev/null
  local tool="$PWD/tools/HmisPlatform.Import/bin/Release/net10.0/HmisPlatform.Import.dll"
  cd "$CALLER_DIR"
  exec dotnet "$tool" "$@"
}

# The Google protos into .tools/googleapis (buf.yaml's second module), from the NuGet package the build uses, restored
# if missing: google/api, which the contracts import for their HTTP/JSON routes, and google/rpc, the error details
# every error carries. A file already there and the same is left as it is (.tools/ may be shared by git worktrees).
google_protos() {
  local version packages from file
  version=$(sed -n 's/.*Include="Google.Api.CommonProtos" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)
  packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
  from="$packages/google.api.commonprotos/$version/content/protos"
  if [ ! -d "$from" ]; then
    say "Restoring Google.Api.CommonProtos $version"
    dotnet restore services/BuildingBlocks/HmisPlatform.BuildingBlocks.csproj --verbosity quiet
  fi
  mkdir -p .tools/googleapis/google/api .tools/googleapis/google/rpc
  for file in google/api/annotations.proto google/api/http.proto \
    google/rpc/status.proto google/rpc/error_details.proto google/rpc/code.proto; do
    cmp -s "$from/$file" ".tools/googleapis/$file" || cp "$from/$file" ".tools/googleapis/$file"
  done
}

# Everything a client in another language generates code from, in one folder: our contracts, every file they import
# and the google/rpc error details (not google/protobuf's well-known types, which protoc and buf bring themselves).
contracts() {
  local out="${1:-artifacts/contracts}"
  [ -z "${1:-}" ] || [[ "$1" = /* ]] || out="$CALLER_DIR/$1"
  command -v dotnet >/dev/null || { echo "The .NET SDK is required: https://dotnet.microsoft.com/download" >&2; exit 1; }
  install_buf
  google_protos
  # An earlier export is replaced; any other folder that is not empty is left alone.
  if [ -n "$(ls -A "$out" 2>/dev/null)" ]; then
    if [ -n "$(ls -A "$out" | grep -vx 'google\|hmis')" ] || [ -n "$(find "$out" ! -type d ! -name '*.proto' | head -1)" ]; then
      echo "$out holds other files than an export of the contracts: give an empty or a new folder." >&2
      exit 1
    fi
    rm -rf "$out"
  fi
  "$BUF" export . --output "$out"
  say "The contracts are in $out; how to generate a client from them: docs/api.md#generating-a-client"
}

test_all() {
  setup
  say "Restoring packages"
  dotnet restore HmisPlatform.sln --verbosity quiet
  google_protos
  say "Linting the contracts (buf lint)"
  "$BUF" lint protos
  say "Checking the contracts against v1 as released (buf breaking)"
  protos/check-breaking.sh
  say "Checking the Kubernetes manifests against the API's schema"
  node deploy/kubernetes/validate.mjs

  # Every server the tests start lives under this run's own temporary folder, and goes with it.
  run_dir=$(mktemp -d /tmp/hmis-test-run.XXXXXX)
  chmod 755 "$run_dir"
  trap 'stop_processes_under "$run_dir" || true; rm -rf "$run_dir"' EXIT

  say "Building"
  dotnet build HmisPlatform.sln --no-restore --verbosity quiet
  local log="$run_dir/test.log" status=0
  # The services' and building blocks' tests in parallel, then the whole platform's (the AppHost starts every
  # service and a browser) on its own, so it does not start up against six other test processes on two cores.
  say "Running the service tests"
  TMPDIR="$run_dir" PATH="$PWD/.tools/node_modules/.bin:$PATH" dotnet test HmisPlatform.sln --no-build \
    --filter "FullyQualifiedName!~HmisPlatform.EndToEnd.Tests" 2>&1 | tee "$log" || status=$?
  say "Running the end-to-end and browser tests"
  # A platform process that ends unexpectedly is written down with its last log lines (PlatformFixture), and shown here.
  local exits="$run_dir/unexpected-exits.log"
  HMIS_UNEXPECTED_EXITS_LOG="$exits" TMPDIR="$run_dir" PATH="$PWD/.tools/node_modules/.bin:$PATH" \
    dotnet test tests/HmisPlatform.EndToEnd.Tests --no-build 2>&1 | tee -a "$log" || status=$?
  if [ -s "$exits" ]; then
    say "Platform processes that ended unexpectedly during the end-to-end tests"
    cat "$exits"
  fi
  awk '/(Passed|Failed)! +- Failed:/ { gsub(",", ""); f += $4; p += $6; s += $8 } END { printf "Total: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
  return "$status"
}

# The container images (deploy/images/build.sh): podman, buildah, mmdebstrap and runc from apt when missing.
images() {
  command -v dotnet >/dev/null || { echo "The .NET SDK is required: https://dotnet.microsoft.com/download" >&2; exit 1; }
  deploy/images/build.sh "$@"
}

# The deployment proven on this machine: the images, the podman-test overlay rendered by kubectl's kustomize (Debian's
# kubernetes-client when no kubectl is there), then the deploy test (tests/HmisPlatform.DeployTest), which plays it,
# runs the journeys through the faults and tears everything down, also when it fails.
deploy_test() {
  local started=$SECONDS work=artifacts/deploy-test
  command -v dotnet >/dev/null || { echo "The .NET SDK is required: https://dotnet.microsoft.com/download" >&2; exit 1; }
  if ! command -v kubectl >/dev/null; then
    [ "$(id -u)" -eq 0 ] || { echo "Missing: kubectl. Run this as root once, or install kubernetes-client with apt." >&2; exit 1; }
    say "Installing kubernetes-client (kubectl)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends kubernetes-client >/dev/null
  fi
  deploy/images/build.sh
  mkdir -p "$work"
  kubectl kustomize deploy/kubernetes/podman-test > "$work/platform.yaml" 2> >(grep -v "patchesStrategicMerge' is deprecated" >&2)
  say "Building the deploy test"
  dotnet build tests/HmisPlatform.DeployTest --configuration Release --verbosity quiet >/dev/null
  say "Running the deploy test"
  local status=0
  dotnet tests/HmisPlatform.DeployTest/bin/Release/net10.0/HmisPlatform.DeployTest.dll --manifests "$work/platform.yaml" \
    --work "$work/run" --containers-conf deploy/podman/containers.conf || status=$?
  say "deploy-test took $((SECONDS - started)) s"
  return "$status"
}

case "${1:-}" in
  setup) setup ;;
  run) run ;;
  test) test_all ;;
  contracts) contracts "${2:-}" ;;
  load) shift; load "$@" ;;
  import) shift; import_data "$@" ;;
  images) shift; images "$@" ;;
  deploy-test) deploy_test ;;
  *) echo "usage: $0 run|test|setup|load [OPTIONS]|import FOLDER [OPTIONS]|contracts [FOLDER]|images|deploy-test" >&2; exit 2 ;;
esac
