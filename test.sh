#!/usr/bin/env bash
# The whole test suite, as CI runs it: make sure Chromium is there, build, test, and end with one line
# "N passed, N failed" (", N skipped" when any were). Exits non-zero if the build fails, a test fails,
# the test run breaks off, or no test ran at all.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
root="$(pwd)"
results="$root/artifacts/test-results"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Screenshots of failed browser tests land here (see Bylab.Tests/Browser).
export BYLAB_ARTIFACTS="$root/artifacts"
# The test hosts log only warnings and errors, so the log shows each test's result rather than every request.
export Logging__LogLevel__Default=Warning

summary() { # passed failed skipped
    local line="$1 passed, $2 failed"
    if [ "${3:-0}" -gt 0 ]; then line="$line, $3 skipped"; fi
    echo "$line"
}

# 1. Chromium for the browser tests. Playwright never downloads one here; the tests use /usr/bin/chromium.
if [ ! -x /usr/bin/chromium ]; then
    echo "== /usr/bin/chromium is missing: installing the Debian package"
    apt_install='apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium'
    if [ "$(id -u)" -eq 0 ]; then
        bash -c "$apt_install" </dev/null
    elif command -v sudo >/dev/null 2>&1; then
        sudo -n bash -c "$apt_install" </dev/null
    else
        echo "ERROR: not root and no sudo, so Chromium cannot be installed" >&2
    fi
    if [ ! -x /usr/bin/chromium ]; then
        echo "ERROR: /usr/bin/chromium is still missing; the browser tests cannot run. Install the 'chromium' package." >&2
        summary 0 0
        exit 1
    fi
fi

# 2. Build once; the tests run on that build.
echo "== dotnet build Bylab.sln"
if ! dotnet build Bylab.sln </dev/null; then
    echo "ERROR: the build failed" >&2
    summary 0 0
    exit 1
fi

# 3. Test, with one TRX file per test project in a fresh folder.
rm -rf "$results" "$root/artifacts/screenshots"
mkdir -p "$results"
echo "== dotnet test Bylab.sln"
dotnet test Bylab.sln --no-build --results-directory "$results" \
    --logger "trx" --logger "console;verbosity=normal" </dev/null
test_rc=$?

# 4. Add up the <Counters> of every TRX file.
shopt -s nullglob
trx_files=("$results"/*.trx "$results"/*/*.trx)
count_with_python() {
    python3 - "$@" <<'PY'
import sys
import xml.etree.ElementTree as ET
ns = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
passed = failed = skipped = 0
for path in sys.argv[1:]:
    counters = ET.parse(path).getroot().find(f"{ns}ResultSummary/{ns}Counters")
    if counters is None:
        continue
    n = lambda name: int(counters.get(name, "0"))
    passed += n("passed")
    failed += n("failed") + n("error") + n("timeout") + n("aborted")
    skipped += n("notExecuted")
print(passed, failed, skipped)
PY
}
count_with_sed() { # the same sums from the <Counters .../> element, for a machine without python3
    local p=0 f=0 s=0 counters
    attr() { local v; v=$(echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"); echo "${v:-0}"; }
    for file in "$@"; do
        counters=$(grep -o '<Counters [^>]*>' "$file" | head -n 1)
        p=$((p + $(attr passed)))
        f=$((f + $(attr failed) + $(attr error) + $(attr timeout) + $(attr aborted)))
        s=$((s + $(attr notExecuted)))
    done
    echo "$p $f $s"
}
passed=0 failed=0 skipped=0
if [ ${#trx_files[@]} -gt 0 ]; then
    if command -v python3 >/dev/null 2>&1; then
        read -r passed failed skipped < <(count_with_python "${trx_files[@]}")
    else
        read -r passed failed skipped < <(count_with_sed "${trx_files[@]}")
    fi
fi
passed=${passed:-0} failed=${failed:-0} skipped=${skipped:-0}

# 5. Decide.
status=0
if [ ${#trx_files[@]} -eq 0 ]; then
    echo "ERROR: no test results were written to $results" >&2
    status=1
fi
if [ "$failed" -gt 0 ]; then
    echo "ERROR: $failed test(s) failed" >&2
    status=1
fi
if [ $((passed + failed)) -eq 0 ]; then
    echo "ERROR: no tests ran" >&2
    status=1
fi
if [ "$test_rc" -ne 0 ] && [ "$status" -eq 0 ]; then
    echo "ERROR: dotnet test exited with $test_rc (a test host crashed or the run was aborted)" >&2
    status=1
fi
if [ -d "$root/artifacts/screenshots" ]; then
    echo "Screenshots of failed browser tests: $root/artifacts/screenshots" >&2
fi
summary "$passed" "$failed" "$skipped"
exit $status
