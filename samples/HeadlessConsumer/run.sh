#!/usr/bin/env bash
# Packs GenWorld's runtime libraries into a local folder feed, restores this sample from it (as a game would restore
# from nuget.org) and runs it on models/notes-vae. A unique version per run, so NuGet's cache never hands back an
# older pack. Used by .ci/run after the test suite.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
FEED="$ROOT/.build/feed"
VERSION="0.1.0-local.$(date -u +%Y%m%d%H%M%S)"
COMMIT="$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rm -rf "$FEED"
mkdir -p "$FEED"
for project in Core Inference World Audio Rendering Osc Host; do
  echo "sample: packing GenWorld.$project $VERSION" >&2
  dotnet pack "$ROOT/src/GenWorld.$project/GenWorld.$project.csproj" -c Release -o "$FEED" -nologo -v q -clp:ErrorsOnly -clp:NoSummary \
    -p:Version="$VERSION" -p:RepositoryCommit="$COMMIT" >&2
done
cd "$ROOT/samples/HeadlessConsumer"
echo "sample: restoring HeadlessConsumer from $FEED and running it" >&2
dotnet run -c Release -p:GenWorldVersion="$VERSION" -- "$ROOT/models/notes-vae" "$ROOT/.build/headless-consumer.wav"
