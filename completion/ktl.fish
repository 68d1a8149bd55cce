# ktl's completion for fish, printed by `ktl completion fish`. On each Tab it runs
# `ktl __complete WORDS... PARTIAL`: ktl prints one candidate a line (a tab before its description,
# if any), and last `:N`, where N adds up what to do with them: 1 offer nothing, 2 add no space
# after the candidate, 4 offer no file names when there is no candidate, 8 offer the files whose
# extensions are the candidates. fish itself adds no space after a candidate ending in `/`, which
# is how every candidate ktl sends with 2 ends.

function __ktl_has --argument-names directive bit --description 'Whether the directive includes this bit'
    test (math "floor($directive / $bit) % 2") -eq 1
end

function __ktl_files --argument-names token --description 'Directories and files that complete token; only those with the extensions that follow it when there are any'
    set -l extensions $argv[2..-1]
    set -l base (string replace -r -- '^~(?=/|$)' "$HOME" "$token")
    for path in "$base"*
        set -l shown "$token"(string sub -s (math (string length -- "$base") + 1) -- "$path")
        if test -d "$path"
            echo "$shown/"
        else if test (count $extensions) -eq 0; or contains -- (string match -r -- '[^.]*$' "$path") $extensions
            echo "$shown"
        end
    end
end

function __ktl_complete --description 'Candidates for the ktl command line being typed'
    # The finished words without their quotes (and with a leading ~ expanded, as running them
    # would), then the word being typed up to the cursor, without the quote it may open with.
    set -l typed (string replace -r -- '^~(?=/|$)' "$HOME" (commandline -opc))
    set -l token (commandline -ct)
    set token (string replace -r -- '^[\'"]' '' "$token")
    set -l lines ($typed[1] __complete $typed[2..-1] "$token" 2>/dev/null)
    set -l directive 0
    if string match -qr -- '^:[0-9]+$' "$lines[-1]"
        set directive (string sub -s 2 -- "$lines[-1]")
        set -e lines[-1]
    end

    __ktl_has $directive 1; and return
    if __ktl_has $directive 8
        __ktl_files "$token" $lines
        return
    end
    # A flag's value after `=` (-o=ya): ktl answers with the value, fish completes the whole word.
    set -l flag (string match -r -- '^-[^=]*=' "$token")
    for line in $lines
        test -n "$line"; and printf '%s%s\n' "$flag" "$line"
    end
    if test (count $lines) -eq 0; and not __ktl_has $directive 4
        __ktl_files "$token"
    end
end

# Sourcing the script again replaces what an earlier one registered.
complete -c ktl -e
complete -c ktl -f -a '(__ktl_complete)'
