if true; then
	cat <<-EOF
	tab stripped
		two tabs
	EOF
fi
