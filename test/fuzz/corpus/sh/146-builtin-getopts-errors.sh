f() {
	OPTIND=1
	while getopts :ab: o; do
		case $o in
		:) echo "missing $OPTARG";;
		'?') echo "unknown $OPTARG";;
		*) echo "opt $o";;
		esac
	done
}
f -x -a -b
