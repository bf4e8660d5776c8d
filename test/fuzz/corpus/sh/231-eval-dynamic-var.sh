i=3
eval "v$i=three"
eval echo \$v$i
name=v3
eval "echo \${$name}"
