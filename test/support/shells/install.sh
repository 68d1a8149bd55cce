#!/usr/bin/env bash
# The shells the completion tests load ktl's scripts into: bash-completion, zsh and fish, installed
# from Debian's packages when missing, so that `npm test` passes on a fresh machine. The tests fail
# rather than skip without them.
set -euo pipefail
missing=()
[[ -f /usr/share/bash-completion/bash_completion ]] || missing+=(bash-completion)
command -v zsh >/dev/null || missing+=(zsh)
command -v fish >/dev/null || missing+=(fish)
((${#missing[@]} == 0)) && exit 0
echo "installing ${missing[*]} for the completion tests" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
