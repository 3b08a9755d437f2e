# Tab completion for the jeugdhulp command in bash: `source src/Jeugdhulp.Cli/jeugdhulp-completion.bash`.
# The command completes itself: System.CommandLine's [suggest:POSITION] directive prints the candidates for the
# command line up to the cursor, one per line, from the same declarations that parse and print --help.
_jeugdhulp_complete() {
    local IFS=$'\n'
    COMPREPLY=($("${COMP_WORDS[0]}" "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null))
}
complete -o default -F _jeugdhulp_complete jeugdhulp
