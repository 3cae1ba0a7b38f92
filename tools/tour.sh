#!/usr/bin/env bash
# Walks every role's pages (the page-title test) and leaves the first screen of each at 375 and 1280 px in
# artifacts/tour/ — to look at, as each role would, after a change to the layout. Not part of ./test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf artifacts/tour
dotnet build Bylab.Tests --nologo -v q
BYLAB_TOUR_SHOTS=1 dotnet test Bylab.Tests --no-build --nologo --filter "FullyQualifiedName~PageTitleTests"
ls artifacts/tour | wc -l
