# The test's zsh: compinit with ktl's script (sourced, or autoloaded from $KTL_TAB_FPATH as _ktl).
# For Tab N, every candidate a completion function adds goes to $KTL_TAB_OUT/N.offered (zsh's listing
# of them, descriptions included, to N.listed) and the Tab's time to N.ms; Ctrl-X writes the line to
# N.line and clears it.
stty columns 160 rows 50
PS1='$ '
# Ambiguous Tabs insert what the candidates share and list nothing, so no prompt can wait for a key.
unsetopt auto_list beep
if [[ -n $KTL_TAB_FPATH ]]; then
  ktl completion zsh > $KTL_TAB_FPATH/_ktl
  fpath=($KTL_TAB_FPATH $fpath)
  autoload -U compinit && compinit -u -D
else
  autoload -U compinit && compinit -u -D
  source <(ktl completion zsh)
fi
zmodload zsh/datetime
__tab_n=1

# Calls that only filter or copy matches (-O, -A, -D) add none; the others are what the Tab offers.
__tab_adds() {
  local -A opts
  zparseopts -E -A opts O: A: D: d: J: V: X: x: S: P: p: s: i: I: W: M: F: r: R: o: E:
  (( ${+opts[-O]} || ${+opts[-A]} || ${+opts[-D]} )) && return 1
  (( ${+opts[-d]} )) && print -rl -- "${(@P)opts[-d]}" >> $KTL_TAB_OUT/$__tab_n.listed
  return 0
}
compadd() {
  if __tab_adds "$@"; then
    local -a added
    builtin compadd -A added "$@"
    print -rl -- "${added[@]}" >> $KTL_TAB_OUT/$__tab_n.offered
  fi
  builtin compadd "$@"
}

__tab_complete() {
  local start=$EPOCHREALTIME
  zle expand-or-complete
  print -- $(( (EPOCHREALTIME - start) * 1000 )) > $KTL_TAB_OUT/$__tab_n.ms
}
zle -N __tab_complete
bindkey '^I' __tab_complete
__tab_line() {
  print -r -- "$BUFFER" > $KTL_TAB_OUT/line.tmp && mv $KTL_TAB_OUT/line.tmp $KTL_TAB_OUT/$__tab_n.line
  BUFFER=
  (( __tab_n++ ))
}
zle -N __tab_line
bindkey '^X' __tab_line
