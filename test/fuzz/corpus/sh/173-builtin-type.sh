type : >/dev/null && echo colon
type nosuch_xyz >/dev/null 2>&1 || echo notfound
f() { :; }
type f | head -n1 | grep -q function && echo func
