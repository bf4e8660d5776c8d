a=$$
b=$(echo $$)
[ "$a" = "$b" ] && echo same-in-subst
( [ "$$" = "$a" ] && echo same-in-subshell )
