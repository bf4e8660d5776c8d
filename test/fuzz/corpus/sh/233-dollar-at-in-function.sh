f() { for a in "$@"; do printf '<%s>' "$a"; done; echo; }
f "a b" "" c
g() { f "$@"; f "$*"; f $@; }
g "x y" z
