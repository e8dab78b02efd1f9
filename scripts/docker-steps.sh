#!/usr/bin/env bash
# The Dockerfile's steps without Docker (no engine here): the build stage in a scratch copy of
# the repository (npm ci, build, prune to production dependencies), then the runtime stage's
# content (package.json, node_modules, dist, bin) alone in a second folder, started the way the
# image's ENTRYPOINT starts it and checked the way its HEALTHCHECK checks it.
# Usage: npm run docker:steps   (needs the npm cache or registry for `npm ci`; a few minutes)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/openkyb-docker-steps.XXXXXX)"
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

echo "== build stage in $work/build"
mkdir -p "$work/build"
# COPY . . honours .dockerignore: the same files, from git's view of the tree.
(cd "$repo" && git ls-files --cached --others --exclude-standard -z \
  | grep -zv -E '^(node_modules|dist|data|coverage|\.test-artifacts|\.git|\.ci)(/|$)' \
  | xargs -0 cp --parents -t "$work/build")
cd "$work/build"
npm ci --no-audit --no-fund --ignore-scripts
npm rebuild better-sqlite3 esbuild
npm run build
npm prune --omit=dev --no-audit --no-fund

echo "== runtime stage in $work/runtime"
mkdir -p "$work/runtime" "$work/data"
cp -r package.json node_modules dist bin "$work/runtime/"
cd "$work/runtime"
port=18080
OPENKYB_DATA_DIR="$work/data" HOST=127.0.0.1 PORT=$port NODE_ENV=production \
  OPENKYB_SECRET=docker-steps-secret-docker-steps-secret-00 node bin/openkyb.js serve >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  if PORT=$port node -e "fetch(\`http://127.0.0.1:\${process.env.PORT}/livez\`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; then
    echo "== health check passed; runtime size: $(du -sh "$work/runtime" | cut -f1)"
    kill -TERM "$server"
    wait "$server" || true
    exit 0
  fi
  sleep 0.3
done
echo "== the runtime stage did not become healthy"; cat "$work/server.log"; exit 1
