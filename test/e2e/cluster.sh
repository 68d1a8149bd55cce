#!/usr/bin/env bash
# A real control plane for ktl's integration tests: etcd + kube-apiserver + controller-manager +
# scheduler, built from Debian's kubernetes source package and cached between runs.
#
#   test/e2e/cluster.sh build   install build deps, build the binaries into the cache (idempotent)
#   test/e2e/cluster.sh up      start everything on 127.0.0.1, write kubeconfigs, wait until ready
#   test/e2e/cluster.sh down    stop every process `up` started
#   test/e2e/cluster.sh status  exit 0 when the control plane answers /readyz
#   test/e2e/cluster.sh env     print the variables tests read (KTL_E2E_DIR, ports)
#
# Everything binds to 127.0.0.1. State lives in $KTL_E2E_DIR (default /tmp/ktl-e2e).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE=${KTL_E2E_CACHE:-$HOME/.cache/ktl-e2e}
BIN=$CACHE/bin
DIR=${KTL_E2E_DIR:-/tmp/ktl-e2e}
ETCD_PORT=${KTL_E2E_ETCD_PORT:-23790}
ETCD_PEER_PORT=$((ETCD_PORT + 1))
API_PORT=${KTL_E2E_API_PORT:-16443}
K8S_BINARIES=(kube-apiserver kube-controller-manager kube-scheduler)

log() { echo "cluster.sh: $*" >&2; }
die() { log "error: $*"; exit 1; }

have_binaries() {
  local b
  for b in "${K8S_BINARIES[@]}"; do [ -x "$BIN/$b" ] || return 1; done
  command -v etcd >/dev/null && command -v openssl >/dev/null
}

install_runtime_deps() {
  command -v etcd >/dev/null && command -v openssl >/dev/null && return 0
  log "installing etcd-server and openssl"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq etcd-server openssl >/dev/null
}

enable_deb_src() {
  # Debian images list binary sources only; `apt-get source` needs the matching deb-src entries.
  local list=/etc/apt/sources.list.d/ktl-deb-src.sources
  [ -f "$list" ] && return 0
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > "$list"
  else
    grep -h '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' > /etc/apt/sources.list.d/ktl-deb-src.list
  fi
  apt-get update -qq
}

build() {
  install_runtime_deps
  if have_binaries; then log "binaries cached in $BIN"; return 0; fi
  log "building kube-apiserver, kube-controller-manager, kube-scheduler (about 7 minutes on 2 cores)"
  enable_deb_src
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq golang-go dpkg-dev rsync jq \
    golang-github-modern-go-reflect2-dev >/dev/null
  local work=$CACHE/src
  rm -rf "$work" && mkdir -p "$work"
  (cd "$work" && apt-get source -qq kubernetes >/dev/null 2>&1) || die "apt-get source kubernetes failed"
  local tree
  tree=$(find "$work" -maxdepth 1 -mindepth 1 -type d -name 'kubernetes-*' | head -n 1)
  [ -n "$tree" ] || die "no kubernetes source tree under $work"
  # reflect2 1.0.1 (vendored) reads Go runtime internals that changed in Go 1.18; 1.0.2 is Debian's.
  local reflect2=/usr/share/gocode/src/github.com/modern-go/reflect2
  [ -d "$reflect2" ] || die "missing $reflect2"
  rm -rf "$tree/vendor/github.com/modern-go/reflect2"
  cp -r "$reflect2" "$tree/vendor/github.com/modern-go/reflect2"
  local gopath=$work/gopath
  mkdir -p "$gopath/src/k8s.io"
  ln -sfn "$tree" "$gopath/src/k8s.io/kubernetes"
  (
    cd "$gopath/src/k8s.io/kubernetes"
    export GOPATH=$gopath CGO_ENABLED=0 GOFLAGS=-mod=vendor GOCACHE=$CACHE/gocache
    make WHAT="cmd/kube-apiserver cmd/kube-controller-manager cmd/kube-scheduler" >"$CACHE/build.log" 2>&1
  ) || { tail -n 40 "$CACHE/build.log" >&2; die "build failed (log: $CACHE/build.log)"; }
  mkdir -p "$BIN"
  local b
  for b in "${K8S_BINARIES[@]}"; do
    cp "$tree/_output/local/bin/linux/amd64/$b" "$BIN/$b" 2>/dev/null \
      || cp "$(find "$tree/_output" -type f -name "$b" | head -n 1)" "$BIN/$b"
  done
  rm -rf "$work" "$CACHE/gocache"
  log "built into $BIN"
}

pki() {
  local pki=$DIR/pki
  mkdir -p "$pki" && cd "$pki"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 30 -subj /CN=ktl-e2e-ca 2>/dev/null
  # name, subject, extensions
  local -a certs=(
    "apiserver|/CN=kube-apiserver|subjectAltName=IP:127.0.0.1,IP:10.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc\nextendedKeyUsage=serverAuth"
    "admin|/O=system:masters/CN=ktl-admin|extendedKeyUsage=clientAuth"
    "controller-manager|/CN=system:kube-controller-manager|extendedKeyUsage=clientAuth"
    "scheduler|/CN=system:kube-scheduler|extendedKeyUsage=clientAuth"
  )
  local entry name subj ext
  for entry in "${certs[@]}"; do
    IFS='|' read -r name subj ext <<<"$entry"
    printf '%b\n' "$ext" > "$name.ext"
    openssl req -new -newkey rsa:2048 -nodes -keyout "$name.key" -out "$name.csr" -subj "$subj" 2>/dev/null
    openssl x509 -req -in "$name.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -out "$name.crt" -days 30 -extfile "$name.ext" 2>/dev/null
  done
  openssl genrsa -out sa.key 2048 2>/dev/null
  openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null
  chmod 600 ./*.key
  cd - >/dev/null
}

# kubeconfig NAME USER-FIELDS: a kubeconfig for the e2e cluster with the given user entry.
kubeconfig() {
  local file=$DIR/$1.kubeconfig
  cat > "$file" <<KC
apiVersion: v1
kind: Config
clusters:
- name: ktl-e2e
  cluster:
    server: https://127.0.0.1:$API_PORT
    certificate-authority: $DIR/pki/ca.crt
contexts:
- name: ktl-e2e
  context:
    cluster: ktl-e2e
    user: $1
current-context: ktl-e2e
users:
- name: $1
  user:
$2
KC
  chmod 600 "$file"
}

start() { # name, command...
  local name=$1; shift
  "$@" >"$DIR/$name.log" 2>&1 &
  echo $! > "$DIR/$name.pid"
}

kubectl_admin() {
  "${KUBECTL:-kubectl}" --kubeconfig "$DIR/admin.kubeconfig" "$@"
}

ready() {
  kubectl_admin get --raw /readyz >/dev/null 2>&1
}

wait_for() { # description, seconds, command...
  local what=$1 seconds=$2; shift 2
  local i
  for ((i = 0; i < seconds * 4; i++)); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.25
  done
  die "$what not ready after ${seconds}s (logs in $DIR)"
}

up() {
  have_binaries || build
  if [ -f "$DIR/admin.kubeconfig" ] && ready; then log "already up ($DIR)"; return 0; fi
  down_quiet
  rm -rf "$DIR" && mkdir -p "$DIR" && chmod 700 "$DIR"
  pki
  printf '%s\n' \
    "ktl-admin-token,ktl-admin-token-user,uid-admin,\"system:masters\"" \
    "ktl-readonly-token,ktl-readonly,uid-readonly,\"ktl-readers\"" > "$DIR/tokens.csv"
  kubeconfig admin "    client-certificate: $DIR/pki/admin.crt
    client-key: $DIR/pki/admin.key"
  kubeconfig token "    token: ktl-admin-token"
  kubeconfig readonly "    token: ktl-readonly-token"
  kubeconfig controller-manager "    client-certificate: $DIR/pki/controller-manager.crt
    client-key: $DIR/pki/controller-manager.key"
  kubeconfig scheduler "    client-certificate: $DIR/pki/scheduler.crt
    client-key: $DIR/pki/scheduler.key"

  start etcd etcd --name ktl-e2e --data-dir "$DIR/etcd" \
    --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-cluster "ktl-e2e=http://127.0.0.1:$ETCD_PEER_PORT" --unsafe-no-fsync
  local pki=$DIR/pki
  # --min-request-timeout: the server ends each watch after 20-40 s (not 30-60 min), so tests see
  # the server-side stream closes a watching client must survive.
  start kube-apiserver "$BIN/kube-apiserver" \
    --etcd-servers "http://127.0.0.1:$ETCD_PORT" \
    --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$API_PORT" --insecure-port 0 \
    --tls-cert-file "$pki/apiserver.crt" --tls-private-key-file "$pki/apiserver.key" \
    --client-ca-file "$pki/ca.crt" --token-auth-file "$DIR/tokens.csv" \
    --authorization-mode RBAC \
    --service-account-issuer https://kubernetes.default.svc --service-account-key-file "$pki/sa.pub" \
    --service-account-signing-key-file "$pki/sa.key" --api-audiences https://kubernetes.default.svc \
    --service-cluster-ip-range 10.0.0.0/16 --allow-privileged \
    --enable-priority-and-fairness=false \
    --min-request-timeout 20
  wait_for kube-apiserver 90 ready
  # No kubelet runs here: without the node lifecycle controller the hand-made Node stays Ready,
  # so pods schedule onto it and are never evicted.
  start kube-controller-manager "$BIN/kube-controller-manager" \
    --kubeconfig "$DIR/controller-manager.kubeconfig" --leader-elect=false \
    --bind-address 127.0.0.1 --port 0 --secure-port 0 \
    --service-account-private-key-file "$pki/sa.key" --root-ca-file "$pki/ca.crt" \
    --use-service-account-credentials --controllers '*,-nodelifecycle' \
    --service-cluster-ip-range 10.0.0.0/16
  start kube-scheduler "$BIN/kube-scheduler" \
    --kubeconfig "$DIR/scheduler.kubeconfig" --leader-elect=false --bind-address 127.0.0.1 --port 0 --secure-port 0
  kubectl_admin create clusterrolebinding ktl-readers --clusterrole view --group ktl-readers >/dev/null
  kubectl_admin apply -f - >/dev/null <<'NODE'
apiVersion: v1
kind: Node
metadata:
  name: ktl-node
  labels: {kubernetes.io/hostname: ktl-node, kubernetes.io/os: linux}
NODE
  kubectl_admin patch node ktl-node --subresource status --type merge -p "$(node_status)" >/dev/null
  # Admission taints a new Node not-ready; the (disabled) node lifecycle controller would lift it.
  kubectl_admin taint node ktl-node node.kubernetes.io/not-ready:NoSchedule- >/dev/null
  start kubelet node "$HERE/stand-in-kubelet.mjs" "$DIR" "$API_PORT" ktl-node
  wait_for "default service account" 60 kubectl_admin get serviceaccount default -n default -o name
  log "up: kubeconfigs in $DIR (admin, token, readonly)"
}

node_status() {
  local now
  now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  cat <<JSON
{"status": {"capacity": {"cpu": "4", "memory": "8Gi", "pods": "110"}, "allocatable": {"cpu": "4", "memory": "8Gi", "pods": "110"},
 "conditions": [{"type": "Ready", "status": "True", "reason": "KubeletReady", "message": "kubelet is posting ready status", "lastHeartbeatTime": "$now", "lastTransitionTime": "$now"}],
 "addresses": [{"type": "InternalIP", "address": "127.0.0.1"}, {"type": "Hostname", "address": "ktl-node"}],
 "nodeInfo": {"machineID": "ktl", "systemUUID": "ktl", "bootID": "ktl", "kernelVersion": "6.1.0", "osImage": "Debian GNU/Linux 12 (bookworm)", "containerRuntimeVersion": "containerd://1.6.20", "kubeletVersion": "v1.20.2", "kubeProxyVersion": "v1.20.2", "operatingSystem": "linux", "architecture": "amd64"}}}
JSON
}

down_quiet() {
  local f pid
  for f in "$DIR"/kubelet.pid "$DIR"/kube-scheduler.pid "$DIR"/kube-controller-manager.pid "$DIR"/kube-apiserver.pid "$DIR"/etcd.pid; do
    [ -f "$f" ] || continue
    pid=$(cat "$f")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$f"
  done
}

down() {
  down_quiet
  log "down"
}

case "${1:-}" in
  build) build ;;
  up) up ;;
  down) down ;;
  status) [ -f "$DIR/admin.kubeconfig" ] && ready ;;
  env) echo "KTL_E2E_DIR=$DIR KTL_E2E_API_PORT=$API_PORT" ;;
  *) echo "usage: $0 build|up|down|status|env" >&2; exit 2 ;;
esac
