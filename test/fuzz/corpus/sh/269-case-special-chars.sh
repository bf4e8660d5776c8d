for w in 'a|b' 'a)b' 'x;y'; do
	case $w in
	'a|b') echo pipe;;
	'a)b') echo paren;;
	'x;y') echo semi;;
	esac
done
