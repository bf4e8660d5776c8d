x=world
cat <<'EOF'
hello $x
$(echo no)
EOF
cat <<"E"
quoted "$x"
E
cat <<\E
backslash $x
E
