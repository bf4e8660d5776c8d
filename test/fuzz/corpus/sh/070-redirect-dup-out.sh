echo to-stderr >&2 2>/dev/null
{ echo out; echo err >&2; } 2>&1 | sort
