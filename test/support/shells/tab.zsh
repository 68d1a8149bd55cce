# Types each LINE into a real interactive bash, zsh or fish on a pseudo-terminal and presses Tab as a user
# would, then Ctrl-X, which the rc file binds to writing the edited line to $KTL_TAB_OUT/N.line
# (N counting from 1) and clearing it for the next. What the completion offered and how long the
# Tab took, the rc file writes to $KTL_TAB_OUT/N.* too; what the terminal showed goes to
# $KTL_TAB_OUT/screen.
# Usage: zsh -f tab.zsh bash|zsh|fish RCFILE LINE...
zmodload zsh/zpty || exit 2
local shell=$1 rc=$2 screen chunk n=0 line
shift 2
case $shell in
  bash) zpty -b tab bash --norc --noprofile -i ;;
  zsh) zpty -b tab zsh -f -i ;;
  fish) zpty -b tab fish --no-config -i ;;
  *) print -u2 "tab.zsh: no such shell: $shell"; exit 2 ;;
esac
zpty -w tab "source ${(q)rc}"
for line in "$@"; do
  (( n++ ))
  zpty -w -n tab "$line"$'\t\C-x'
  # Ten seconds: far beyond any Tab; a completion that hangs leaves no line and fails the test.
  for i in {1..200}; do
    while zpty -r -t tab chunk 2>/dev/null; do screen+=$chunk; done
    [[ -e $KTL_TAB_OUT/$n.line ]] && break
    sleep 0.02
  done
  [[ -e $KTL_TAB_OUT/$n.line ]] || break
done
while zpty -r -t tab chunk 2>/dev/null; do screen+=$chunk; done
zpty -d tab
print -rn -- "$screen" > $KTL_TAB_OUT/screen
[[ -e $KTL_TAB_OUT/$n.line ]] || { print -u2 "tab.zsh: $shell wrote no line after Tab $n: $line"; exit 1 }
