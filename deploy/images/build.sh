#!/usr/bin/env bash
# Builds HmisPlatform's container images with podman, from this repository and Debian's mirror alone (no registry):
#   hmis/base           Debian bookworm minbase (mmdebstrap from the machine's apt mirror), ca-certificates, tzdata, ICU
#   hmis/dotnet-runtime the .NET and ASP.NET Core runtime the services are published for, shared by every service image
#   hmis/<service>      gateway, requests, training, assessment, credentialing, notifications, mail-catcher
#   hmis/postgres       PostgreSQL 15 and hmis/redis Redis 7, for a single-node install and Aspire's containers mode
# Each image is tagged :$TAG (default "current") and with the commit. A base image whose recipe did not change is
# kept, so a second build only republishes the services.
# Usage: deploy/images/build.sh [--only NAME[,NAME]]   (needs root, as podman here runs rootful)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
export CONTAINERS_CONF="$ROOT/deploy/podman/containers.conf"
TAG="${TAG:-current}"
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
WORK="$ROOT/artifacts/images"
ONLY=""
[ "${1:-}" = "--only" ] && ONLY=",${2:?--only needs names},"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
wanted() { [ -z "$ONLY" ] || [[ "$ONLY" == *",$1,"* ]]; }

# image name -> project folder under services/ and its assembly
declare -A PROJECTS=(
  [gateway]=Gateway [requests]=Requests [training]=Training [assessment]=Assessment
  [credentialing]=Credentialing [notifications]=Notifications [mail-catcher]=MailCatcher
)
# curl: podman turns an httpGet probe into a curl call inside the container.
BASE_PACKAGES=ca-certificates,tzdata,libicu72,curl
SERVICES=(gateway requests training assessment credentialing notifications mail-catcher)

install_tools() {
  local missing=()
  command -v podman >/dev/null || missing+=(podman)
  command -v mmdebstrap >/dev/null || missing+=(mmdebstrap)
  command -v runc >/dev/null || missing+=(runc)
  command -v buildah >/dev/null || missing+=(buildah)
  if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" -eq 0 ] || { echo "Missing: ${missing[*]}. Run this as root once, or install them with apt." >&2; exit 1; }
    say "Installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# The label records the recipe: a base built from another recipe is rebuilt.
has_image_with_recipe() {
  [ "$(podman image inspect --format '{{ index .Labels "org.hmisplatform.recipe" }}' "$1" 2>/dev/null)" = "$2" ]
}

build_base() {
  local recipe sources=/etc/apt/sources.list.d/debian.sources
  [ -f "$sources" ] || sources=/etc/apt/sources.list
  recipe=$( (echo "$BASE_PACKAGES"; cat "$sources") | sha256sum | cut -c1-16)
  if has_image_with_recipe "hmis/base:bookworm" "$recipe"; then
    say "hmis/base:bookworm is up to date"
    return
  fi
  say "Building hmis/base:bookworm from the apt mirror (mmdebstrap)"
  mkdir -p "$WORK"
  rm -f "$WORK/rootfs.tar"
  mmdebstrap --quiet --variant=minbase --include="$BASE_PACKAGES" \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' --dpkgopt='path-exclude=/usr/share/locale/*' \
    --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*' \
    bookworm "$WORK/rootfs.tar" "$sources"
  podman import --quiet \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change "LABEL org.hmisplatform.recipe=$recipe" \
    --change 'CMD ["/bin/bash"]' \
    "$WORK/rootfs.tar" hmis/base:bookworm >/dev/null
  rm -f "$WORK/rootfs.tar"
}

build_runtime() {
  local version
  version=$(dotnet --list-runtimes | awk '$1 == "Microsoft.AspNetCore.App" { v = $2 } END { print v }')
  local netcore dir
  dir=$(dirname "$(readlink -f "$(command -v dotnet)")")
  netcore=$(dotnet --list-runtimes | awk -v v="$version" '$1 == "Microsoft.NETCore.App" && $2 == v { print $2 }')
  [ -n "$netcore" ] || { echo "No Microsoft.NETCore.App $version beside ASP.NET Core $version" >&2; exit 1; }
  if has_image_with_recipe "hmis/dotnet-runtime:$version" "$version"; then
    say "hmis/dotnet-runtime:$version is up to date"
  else
    say "Building hmis/dotnet-runtime:$version from this SDK's runtime"
    local ctx="$WORK/runtime"
    rm -rf "$ctx" && mkdir -p "$ctx/dotnet/shared" "$ctx/dotnet/host"
    cp -a "$dir/dotnet" "$dir/LICENSE.txt" "$dir/ThirdPartyNotices.txt" "$ctx/dotnet/" 2>/dev/null || cp -a "$dir/dotnet" "$ctx/dotnet/"
    cp -a "$dir/host/fxr" "$ctx/dotnet/host/"
    mkdir -p "$ctx/dotnet/shared/Microsoft.NETCore.App" "$ctx/dotnet/shared/Microsoft.AspNetCore.App"
    cp -a "$dir/shared/Microsoft.NETCore.App/$version" "$ctx/dotnet/shared/Microsoft.NETCore.App/"
    cp -a "$dir/shared/Microsoft.AspNetCore.App/$version" "$ctx/dotnet/shared/Microsoft.AspNetCore.App/"
    podman build --quiet --build-arg BASE=hmis/base:bookworm --label "org.hmisplatform.recipe=$version" \
      -f deploy/images/Containerfile.runtime -t "hmis/dotnet-runtime:$version" "$ctx" >/dev/null
    rm -rf "$ctx"
  fi
  RUNTIME="hmis/dotnet-runtime:$version"
  RUNTIME_VERSION=$version
}

build_services() {
  local name project ctx
  for name in "${SERVICES[@]}"; do
    wanted "$name" || continue
    project=${PROJECTS[$name]}
    ctx="$WORK/$name"
    say "Publishing and building hmis/$name:$TAG"
    rm -rf "$ctx" && mkdir -p "$ctx"
    # Framework-dependent on the shared runtime layer, which rolls it forward to the runtime's patch; the apphost
    # starts it without a shell (Containerfile.service).
    dotnet publish "services/$project/HmisPlatform.$project.csproj" -c Release -r linux-x64 --self-contained false \
      -p:GenerateDocumentationFile=false \
      -o "$ctx/app" -v quiet -nologo >/dev/null
    rm -f "$ctx"/app/*.pdb
    podman build --quiet --build-arg RUNTIME="$RUNTIME" --build-arg ASSEMBLY="HmisPlatform.$project" \
      --label "org.opencontainers.image.revision=$COMMIT" --label "org.opencontainers.image.source=HmisPlatform" \
      -f deploy/images/Containerfile.service -t "hmis/$name:$TAG" -t "hmis/$name:$COMMIT" "$ctx" >/dev/null
    rm -rf "$ctx"
  done
}

build_infrastructure() {
  local name
  for name in postgres redis ingress; do
    wanted "$name" || continue
    if has_image_with_recipe "hmis/$name:$TAG" "$(cat "deploy/images/Containerfile.$name" deploy/images/*.sh | sha256sum | cut -c1-16)"; then
      say "hmis/$name:$TAG is up to date"
      continue
    fi
    say "Building hmis/$name:$TAG from Debian's package"
    podman build --quiet --build-arg BASE=hmis/base:bookworm \
      --label "org.hmisplatform.recipe=$(cat "deploy/images/Containerfile.$name" deploy/images/*.sh | sha256sum | cut -c1-16)" \
      -f "deploy/images/Containerfile.$name" -t "hmis/$name:$TAG" deploy/images >/dev/null
  done
}

install_tools
build_base
build_runtime
build_services
build_infrastructure
podman images --filter reference='hmis/*' --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -v ":$COMMIT " | sort
