set -- a b c
i=2
eval echo \${$i}
eval echo \${$((i + 1))}
