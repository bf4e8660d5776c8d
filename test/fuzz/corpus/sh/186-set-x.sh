set -x
echo traced 2>/dev/null
{ set +x; } 2>/dev/null
echo untraced
