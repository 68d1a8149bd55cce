# The test's bash: ktl's script (after bash-completion when $KTL_TAB_BASH_COMPLETION is set), its
# completion function wrapped to record, for Tab N, COMPREPLY in $KTL_TAB_OUT/N.offered and the time
# it took in N.ms; Ctrl-X writes the line to N.line and clears it.
stty columns 160 rows 50
PS1='$ '
bind 'set bell-style none'
if [[ -n $KTL_TAB_BASH_COMPLETION ]]; then
  source "$KTL_TAB_BASH_COMPLETION" || exit 1
fi
source <(ktl completion bash)
__tab_n=1

__tab_spec=$(complete -p ktl)
__tab_function=${__tab_spec##*-F }
__tab_function=${__tab_function%% *}
__tab_complete() {
  local start=$EPOCHREALTIME
  "$__tab_function" "$@"
  local end=$EPOCHREALTIME
  printf '%s\n' "${COMPREPLY[@]}" >> "$KTL_TAB_OUT/$__tab_n.offered"
  echo "$(( (${end/./} - ${start/./}) / 1000 ))" > "$KTL_TAB_OUT/$__tab_n.ms"
}
eval "${__tab_spec/-F $__tab_function/-F __tab_complete}"
__tab_line() {
  printf '%s\n' "$READLINE_LINE" > "$KTL_TAB_OUT/line.tmp" && mv "$KTL_TAB_OUT/line.tmp" "$KTL_TAB_OUT/$__tab_n.line"
  READLINE_LINE=
  READLINE_POINT=0
  ((__tab_n++))
}
bind -x '"\C-x": __tab_line'
