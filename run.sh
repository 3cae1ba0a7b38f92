#!/usr/bin/env bash
# Runs the site in Development on http://localhost:5174: SQLite in ./data, migrations applied,
# demo content seeded, the demo logins printed at start.
cd "$(dirname "${BASH_SOURCE[0]}")" && exec dotnet run --project Bylab.Web --launch-profile http "$@"
