parse() {
	OPTIND=1
	while getopts ab:c opt; do
		case $opt in
		a) echo a;;
		b) echo "b=$OPTARG";;
		c) echo c;;
		'?') echo bad;;
		esac
	done
	shift $((OPTIND - 1))
	echo "rest: $*"
}
parse -a -b val -c x y
parse -ac -bfoo z
parse -- -a
