#!/usr/bin/env bash
# The load benchmark of issues 4 and 5 (see README "Benchmark"): builds the site and the benchmark in Release, seeds a
# fresh SQLite database (10,000 ideas, 200,000 votes, 50,000 comments; 300 published events, ~15,000 registrations),
# starts the site on loopback and drives it.
# Options as arguments or environment variables:
#   --duration S    BENCH_DURATION     measured seconds per scenario (10)
#   --warmup S      BENCH_WARMUP       warm-up seconds per scenario, not recorded (3)
#   --concurrency N BENCH_CONCURRENCY  concurrent workers (8)
#   --rounds N      BENCH_ROUNDS       the measured time is cut in N rounds that visit every scenario in turn (5)
#   --voters N      BENCH_VOTERS       people logged in for the vote scenario (20, at most 50)
#   --keep          BENCH_KEEP=1       keep the temporary data folder (database and site log)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "== Building Bylab.Web and Bylab.Benchmarks (Release)"
dotnet build Bylab.Web/Bylab.Web.csproj -c Release -v quiet -nologo -clp:ErrorsOnly
dotnet build Bylab.Benchmarks/Bylab.Benchmarks.csproj -c Release -v quiet -nologo -clp:ErrorsOnly

exec dotnet Bylab.Benchmarks/bin/Release/net10.0/Bylab.Benchmarks.dll "$@"
