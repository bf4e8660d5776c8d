cat <<EOF
'single' "double" \`back\`
EOF
