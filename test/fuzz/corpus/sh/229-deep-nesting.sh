if true; then
	for i in 1 2; do
		while true; do
			case $i in
			1) { echo one; } ;;
			2) ( echo two ) ;;
			esac
			break
		done
	done
fi
