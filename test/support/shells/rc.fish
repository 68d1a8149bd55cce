# The test's fish: ktl's script sourced, its completion function wrapped to record, for Tab N, what
# it gave fish in $KTL_TAB_OUT/N.offered and the time it took in N.ms; Ctrl-X writes the line to
# N.line and clears it.
ktl completion fish | source
set -g __tab_n 1
functions -c __ktl_complete __tab_ktl_complete
function __ktl_complete
    set -l start (date +%s%N)
    __tab_ktl_complete | tee -a $KTL_TAB_OUT/$__tab_n.offered
    set -l end (date +%s%N)
    math --scale 0 "($end - $start) / 1000000" >$KTL_TAB_OUT/$__tab_n.ms
end
function __tab_line
    commandline >$KTL_TAB_OUT/line.tmp; and mv $KTL_TAB_OUT/line.tmp $KTL_TAB_OUT/$__tab_n.line
    commandline ''
    set __tab_n (math $__tab_n + 1)
end
bind \cx __tab_line
