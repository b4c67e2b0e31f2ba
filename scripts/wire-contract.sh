#!/usr/bin/env bash
# Regenerates web/src/wire/contract.ts, the web client's wire contract, from the C# contracts: the REST endpoints'
# request and response types, the hub payloads (Kaolack.Contracts.Wire.HubPayloads), enums, limits and hub error codes.
# It runs the contract test of tests/Kaolack.Api.Tests in update mode (it needs the app, so Azurite, as the tests do),
# then type-checks the web client, which shows what must follow a changed contract.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/common.sh

require_tools dotnet node
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
ensure_npm_deps tools/azurite
export KAOLACK_AZURITE_JS="$KAOLACK_AZURITE_JS_DEFAULT"

log "Building tests/Kaolack.Api.Tests (Release)…"
dotnet build tests/Kaolack.Api.Tests -c Release --nologo -v quiet
log "Writing web/src/wire/contract.ts…"
KAOLACK_UPDATE_WIRE_CONTRACT=1 dotnet test tests/Kaolack.Api.Tests -c Release --no-build --nologo \
  --filter "FullyQualifiedName~Kaolack.Api.Tests.Wire.WireContractTests"
ensure_npm_deps web
log "Type-checking the web client against it…"
npm --prefix web run --silent typecheck
git status --short web/src/wire/contract.ts
