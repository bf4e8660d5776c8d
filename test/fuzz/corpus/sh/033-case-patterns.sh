for w in x.c x.h abc '*' '?' a]b; do
	case $w in
	*.[ch]) echo "$w: c source";;
	\*) echo "star";;
	"?") echo "qmark";;
	a[!x]c) echo "$w: a-notx-c";;
	*\]*) echo "$w: bracket";;
	esac
done
