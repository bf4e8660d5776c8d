x=val
	cat <<-EOF
		x is $x
	EOF
