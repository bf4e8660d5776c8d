# ${u:-word} and ${u=word} unquoted: the default is split too; quoted, it
# is one field, and inner double quotes inside "${...}" just quote again
set -- ${u:-a b "c d"}; echo $#; printf '<%s>\n' "$@"
set -- "${u:-a b "c d"}"; echo $#; printf '<%s>\n' "$@"
set -- ${w=one two}; echo $#; printf '<%s>\n' "$@" "$w"
echo "${u:-"*"}" "${u:-'q'}" "${u:-"a"b"c"}"
set -- ${u:-*.none}; printf '<%s>\n' "$@"
cat <<E
${u:-"x"} ${u:-'y'}
E
