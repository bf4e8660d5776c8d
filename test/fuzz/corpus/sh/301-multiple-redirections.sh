{ echo out; echo err >&2; } > o 2> e
cat o e
