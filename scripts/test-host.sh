#!/usr/bin/env bash
# Installs this plugin the way a user would and checks that it works there:
#   1. `npm run build` (medusa plugin:build) and `npm pack` into a temp dir outside the project;
#   2. a throwaway stock Medusa app in that temp dir: the same pinned @medusajs/* versions the
#      plugin declares as peers, plus the packed tarball, registered with
#      `plugins: [{ resolve: "medusa-lot-tracking", options: { receive_status: "quarantine" } }]`;
#   3. a fresh database (lot_host_<random>) on $DATABASE_URL's server, or on an embedded
#      PostgreSQL started through scripts/with-db.mjs; `medusa db:migrate` must create the lot
#      module's tables from the plugin's migrations;
#   4. `medusa start`, an admin user, then HTTP checks: /admin/lots auth and listing, lot policy,
#      receiving a lot whose status must be "quarantine" (the plugin option reached the module).
# Prints PASS/FAIL per check; exits non-zero on any failure. The server, the database and the
# temp dir are always cleaned up (KEEP_HOST=1 keeps the temp dir, for debugging). The temp dir
# is on /dev/shm when it has room (much faster), else in $TMPDIR or /tmp.
#
#   npm run test:host            (HOST_PORT / HOST_PG_PORT pick other preferred ports)
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SELF="$ROOT/scripts/test-host.sh"
CHECK="$ROOT/scripts/test-host-check.mjs"
PLUGIN_NAME="$(node -p 'require(process.argv[1]).name' "$ROOT/package.json")"
ADMIN_EMAIL="host@test.dev"
ADMIN_PASSWORD="host-pass-1"

# Runs a command with its output in a log file; PASS/FAIL line with the time it took.
step() {
  local name=$1 log=$2 started=$SECONDS
  shift 2
  if "$@" >"$log" 2>&1; then
    echo "PASS $name ($((SECONDS - started)) s)"
  else
    echo "FAIL $name ($((SECONDS - started)) s) -- last lines of its output:"
    tail -n 40 "$log" | sed 's/^/     /'
    exit 1
  fi
}

# ---------------------------------------------------------------------------------------------
# Inner part: runs with DATABASE_URL pointing at a server (embedded through with-db.mjs, or
# the caller's). Creates and drops its own database; starts and stops the host app's server.
inner() {
  # Globals, not locals: the EXIT trap runs after this function has returned.
  SERVER_URL=$DATABASE_URL
  DB_NAME_HOST="lot_host_$(node -p 'require("crypto").randomBytes(5).toString("hex")')"
  SERVER_PID=""
  DB_CREATED=""

  inner_cleanup() {
    local rc=$?
    set +e
    if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
      # setsid made the server a process group of its own: stop the whole group.
      kill -TERM -- "-$SERVER_PID" 2>/dev/null
      for _ in $(seq 1 40); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.25; done
      kill -KILL -- "-$SERVER_PID" 2>/dev/null
      echo "     server stopped"
    fi
    if [[ -n $DB_CREATED ]]; then
      # On Ctrl-C the embedded server may already be down (embedded-postgres stops itself on
      # SIGINT/SIGTERM); its data dir goes away with the temp dir anyway.
      node "$CHECK" drop-db "$SERVER_URL" "$DB_NAME_HOST" | sed 's/^/     /'
    fi
    exit "$rc"
  }
  trap inner_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  local db_url
  if ! db_url="$(node "$CHECK" create-db "$SERVER_URL" "$DB_NAME_HOST")"; then
    echo "FAIL create database $DB_NAME_HOST: $db_url"
    exit 1
  fi
  DB_CREATED=1
  echo "PASS created database $DB_NAME_HOST"
  # The host app reads DATABASE_URL only; drop with-db's DB_* so nothing points elsewhere.
  unset DB_HOST DB_PORT DB_USERNAME DB_PASSWORD DB_NAME
  export DATABASE_URL=$db_url

  cd "$HOST_DIR"
  local medusa="$HOST_DIR/node_modules/.bin/medusa"
  step "medusa db:migrate in the host app" "$LOG_DIR/migrate.log" "$medusa" db:migrate
  node "$CHECK" tables "$DATABASE_URL" "$HOST_DIR/node_modules/$PLUGIN_NAME/.medusa/server/src/modules/lot/migrations" \
    lot lot_stock lot_event

  local port
  port="$(node "$CHECK" free-port "${HOST_PORT:-9071}")"
  local base="http://localhost:$port"
  echo "     starting the host app (medusa start) on port $port"
  PORT=$port setsid "$medusa" start >"$LOG_DIR/server.log" 2>&1 &
  SERVER_PID=$!
  if ! node "$CHECK" wait-health "$base" 180 "$SERVER_PID"; then
    tail -n 60 "$LOG_DIR/server.log" | sed 's/^/     /'
    exit 1
  fi

  step "medusa user -e $ADMIN_EMAIL" "$LOG_DIR/user.log" "$medusa" user -e "$ADMIN_EMAIL" -p "$ADMIN_PASSWORD"

  if ! node "$CHECK" http "$base" "$ADMIN_EMAIL" "$ADMIN_PASSWORD"; then
    echo "     last lines of the server log:"
    tail -n 40 "$LOG_DIR/server.log" | sed 's/^/     /'
    exit 1
  fi
}

if [[ ${1:-} == "--inner" ]]; then
  inner
  exit 0
fi

# ---------------------------------------------------------------------------------------------
# Outer part: build, pack, host app, install; then the inner part under a database.
STARTED=$SECONDS
# The host app's node_modules is ~800 MB of small files: on a tmpfs the install takes half the
# time and the cleanup 1 s instead of 30-70 s. TMPDIR, when set, wins.
TMP_BASE=${TMPDIR:-/tmp}
if [[ -z ${TMPDIR:-} && -d /dev/shm && -w /dev/shm ]] &&
  (($(df -Pk /dev/shm | awk 'NR == 2 { print $4 }') > 4 * 1024 * 1024)); then
  TMP_BASE=/dev/shm
fi
WORK="$(mktemp -d "$TMP_BASE/lot-host.XXXXXX")"
case "$WORK/" in
  "$ROOT"/*) echo "FAIL temp dir $WORK is inside the project folder"; rm -rf "$WORK"; exit 1 ;;
esac
export HOST_DIR="$WORK/host" LOG_DIR="$WORK/logs"
mkdir -p "$HOST_DIR" "$LOG_DIR" "$WORK/pack"
# mktemp makes it 0700; the embedded PostgreSQL runs as a "postgres" user when we are root and
# must be able to reach its data dir (it creates and chowns <temp>/pg itself).
chmod a+x "$WORK"
DB_RUNNER_PID=""

cleanup() {
  local rc=$? cleanup_started=$SECONDS
  set +e
  if [[ -n $DB_RUNNER_PID ]] && kill -0 "$DB_RUNNER_PID" 2>/dev/null; then
    # with-db.mjs forwards the signal to the inner part, then stops PostgreSQL.
    kill -TERM "$DB_RUNNER_PID" 2>/dev/null
    wait "$DB_RUNNER_PID" 2>/dev/null
  fi
  if [[ ${KEEP_HOST:-} == 1 ]]; then
    echo "     kept $WORK (KEEP_HOST=1)"
  else
    rm -rf "$WORK"
  fi
  local took="$((SECONDS - STARTED)) s, of which cleanup $((SECONDS - cleanup_started)) s"
  if [[ $rc == 0 ]]; then
    echo "test:host PASSED in $took"
  else
    echo "test:host FAILED (exit $rc) after $took"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "     temp dir: $WORK"
cd "$ROOT"
step "npm run build (medusa plugin:build)" "$LOG_DIR/build.log" npm run build

do_pack() { npm pack --json --pack-destination "$WORK/pack" >"$WORK/pack.json"; }
step "npm pack" "$LOG_DIR/pack.log" do_pack
node "$CHECK" pack-check "$WORK/pack.json"
TARBALL="$(ls "$WORK"/pack/*.tgz)"

# A stock Medusa app, as the app starter has it (minus the admin, to keep it fast).
node "$CHECK" host-package "$ROOT" "$TARBALL" "$HOST_DIR/package.json" | sed 's/^/     /'
cat >"$HOST_DIR/medusa-config.ts" <<EOF
import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: "http://localhost:8000",
      adminCors: "http://localhost:9000",
      authCors: "http://localhost:9000",
      jwtSecret: "host-test-jwt-secret",
      cookieSecret: "host-test-cookie-secret",
    },
    cookieOptions: { secure: false },
  },
  admin: { disable: true },
  plugins: [
    {
      resolve: "$PLUGIN_NAME",
      options: { receive_status: "quarantine" },
    },
  ],
})
EOF
cat >"$HOST_DIR/tsconfig.json" <<'EOF'
{
  "compilerOptions": {
    "target": "ES2021",
    "esModuleInterop": true,
    "module": "Node16",
    "moduleResolution": "Node16",
    "emitDecoratorMetadata": true,
    "experimentalDecorators": true,
    "skipLibCheck": true,
    "skipDefaultLibCheck": true,
    "declaration": false,
    "sourceMap": false,
    "inlineSourceMap": true,
    "outDir": "./.medusa/server",
    "rootDir": "./",
    "jsx": "react-jsx",
    "forceConsistentCasingInFileNames": true,
    "resolveJsonModule": true,
    "checkJs": false,
    "strictNullChecks": true
  },
  "ts-node": { "swc": true },
  "include": ["**/*", ".medusa/types/*"],
  "exclude": ["node_modules", ".medusa/server", ".medusa/admin", ".cache"]
}
EOF

do_install() { (cd "$HOST_DIR" && npm install --no-audit --no-fund --prefer-offline); }
step "npm install in the host app" "$LOG_DIR/install.log" do_install
node "$CHECK" install-check "$HOST_DIR" "$PLUGIN_NAME"

# The database part. EMBEDDED_PG_DIR is given relative to the project root: with-db.mjs joins
# it onto the root, so an absolute path would land inside the project folder.
if [[ -n ${DATABASE_URL:-} ]]; then
  echo "     using the PostgreSQL server of DATABASE_URL"
  bash "$SELF" --inner &
else
  PG_PORT="$(node "$CHECK" free-port "${HOST_PG_PORT:-54371}")"
  PG_DIR_REL="$(node -p 'require("path").relative(process.argv[1], process.argv[2])' "$ROOT" "$WORK/pg")"
  EMBEDDED_PG_PORT=$PG_PORT EMBEDDED_PG_DIR=$PG_DIR_REL \
    node "$ROOT/scripts/with-db.mjs" --profile test -- bash "$SELF" --inner &
fi
DB_RUNNER_PID=$!
set +e
wait "$DB_RUNNER_PID"
rc=$?
set -e
DB_RUNNER_PID=""
exit "$rc"
