# ktl's completion for bash, printed by `ktl completion bash`. On each Tab it runs
# `ktl __complete WORDS... PARTIAL`: ktl prints one candidate a line (a tab before its description,
# if any), and last `:N`, where N adds up what to do with them: 1 offer nothing, 2 add no space
# after the candidate, 4 offer no file names when there is no candidate, 8 offer the files whose
# extensions are the candidates. Works with or without the bash-completion package.

__ktl_complete() {
    local cur words cword
    COMPREPLY=()
    if declare -F _init_completion >/dev/null; then
        local prev split
        # Keep `system:auth` and `--output=json` one word, as ktl reads them.
        _init_completion -n =: || return
    else
        read -ra words <<<"${COMP_LINE:0:COMP_POINT}"
        [[ ${COMP_LINE:0:COMP_POINT} == *[[:blank:]] ]] && words+=("")
        cword=$((${#words[@]} - 1))
        cur=${words[cword]}
    fi

    # The finished words as running them would pass them (quotes, ~ and $VARS), then the word being
    # typed up to the cursor, without the quote it may open with.
    local -a typed
    eval "typed=(${words[*]:0:cword})" 2>/dev/null || typed=("${words[@]:0:cword}")
    local partial=${cur#[\"\']}
    local out last directive=0
    out=$("${typed[0]:-ktl}" __complete "${typed[@]:1}" "$partial" 2>/dev/null)
    last=${out##*$'\n'}
    if [[ $last =~ ^:[0-9]+$ ]]; then
        directive=${last#:}
        out=${out%"$last"}
    fi

    ((directive & 1)) && return
    ((directive & 2)) && compopt -o nospace 2>/dev/null
    ((directive & 4 || directive & 8)) && compopt +o default 2>/dev/null
    local line
    if ((directive & 8)); then
        compopt -o filenames 2>/dev/null
        while IFS= read -r line; do
            COMPREPLY+=("$line")
        done < <(
            compgen -d -- "$partial"
            for line in $out; do compgen -f -X "!*.$line" -- "$partial"; done
        )
        return
    fi

    # bash completes only the part of the word after its last `:` or `=` (when COMP_WORDBREAKS
    # has them), so that part is what each candidate must replace. A flag's value after `=` is
    # what ktl answers with, the flag before it kept.
    local flag="" head="" breaks=${COMP_WORDBREAKS//[^:=]/}
    [[ $partial == -*=* ]] && flag=${partial%%=*}=
    [[ -n $breaks && $partial == *["$breaks"]* ]] && head=${partial%"${partial##*["$breaks"]}"}
    local -a values descriptions
    local value
    while IFS= read -r line; do
        [[ -z $line ]] && continue
        value=$flag${line%%$'\t'*}
        values+=("${value#"$head"}")
        [[ $line == *$'\t'* ]] && descriptions+=("${line#*$'\t'}") || descriptions+=("")
    done <<<"$out"

    # Descriptions only when bash lists the candidates (a second Tab), and only when there is
    # more than one: on a first Tab it inserts what they all start with.
    if ((${#values[@]} > 1)) && [[ $COMP_TYPE == 63 || $COMP_TYPE == 33 || $COMP_TYPE == 64 ]]; then
        local width=0 room i
        for value in "${values[@]}"; do ((${#value} > width)) && width=${#value}; done
        room=$((${COLUMNS:-80} - width - 5))
        for i in "${!values[@]}"; do
            [[ -z ${descriptions[i]} ]] && continue
            ((room < 10)) && break
            value=${descriptions[i]}
            ((${#value} > room)) && value="${value:0:room-3}..."
            printf -v 'values[i]' '%-*s  (%s)' "$width" "${values[i]}" "$value"
        done
    fi
    COMPREPLY=("${values[@]}")
}

complete -o default -F __ktl_complete ktl
