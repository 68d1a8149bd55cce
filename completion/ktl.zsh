#compdef ktl
# ktl's completion for zsh, printed by `ktl completion zsh`. On each Tab it runs
# `ktl __complete WORDS... PARTIAL`: ktl prints one candidate a line (a tab before its description,
# if any), and last `:N`, where N adds up what to do with them: 1 offer nothing, 2 add no space
# after the candidate, 4 offer no file names when there is no candidate, 8 offer the files whose
# extensions are the candidates.

_ktl() {
  local -a typed lines candidates nospace
  local out line directive=0
  # The finished words as running them would pass them (quotes, ~ and $VARS; a pattern such as
  # -l app=* as typed rather than an error), then the word being typed up to the cursor, its
  # quotes already removed by zsh.
  () {
    setopt local_options no_glob
    eval "typed=(${words[1,CURRENT-1]})" 2>/dev/null
  } || typed=("${(@Q)words[1,CURRENT-1]}")
  out=$("${typed[1]:-ktl}" __complete "${(@)typed[2,-1]}" "$PREFIX" 2>/dev/null)
  lines=("${(@f)out}")
  if [[ $lines[-1] == :<-> ]]; then
    directive=${lines[-1]#:}
    lines[-1]=()
  fi
  lines=(${lines:#})

  (( directive & 1 )) && return 1
  if (( directive & 8 )); then
    _files -g "*.(${(j:|:)lines})"
    return
  fi
  # A flag's value after `=` (-o=ya): ktl answers with the value, zsh keeps the flag in front of it.
  [[ $PREFIX == -*=* ]] && compset -P 1 '*='
  for line in $lines; do
    # _describe reads `value:description`, so a colon in the value itself is escaped.
    if [[ $line == *$'\t'* ]]; then
      candidates+=("${${line%%$'\t'*}//:/\\:}:${line#*$'\t'}")
    else
      candidates+=("${line//:/\\:}")
    fi
  done
  (( directive & 2 )) && nospace=(-S '')
  _describe -t ktl-values value candidates "${nospace[@]}" && return 0
  (( directive & 4 )) && return 1
  _files
}

# Autoloaded from $fpath as _ktl, this file is the body of _ktl's first call: complete at once.
# Sourced, it registers _ktl with compinit.
if [[ $funcstack[1] == _ktl ]]; then
  _ktl "$@"
else
  compdef _ktl ktl
fi
