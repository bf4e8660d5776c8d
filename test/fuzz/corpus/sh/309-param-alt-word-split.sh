# ${v:+word "quoted"} unquoted: the word's plain text is field-split like
# an expansion, its quoted part is one field piece (dash and ash agree)
v=1
set -- ${v:+word "quoted part" more}; echo $#; printf '<%s>\n' "$@"
set -- ${v:+"x y"z w}; echo $#; printf '<%s>\n' "$@"
set -- ${v:+ }; echo $#
set -- ${v:+''}; echo $#
set -- ${v:+-o opt}; echo $#; printf '<%s>\n' "$@"
set -- ${u:+never split}; echo $#
IFS=:
set -- ${v:+a:b "c:d" e f}; echo $#; printf '<%s>\n' "$@"
