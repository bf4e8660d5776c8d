for w in apple banana cherry 42 ''; do
	case $w in
	a*) echo "$w: a-word";;
	banana|cherry) echo "$w: fruit";;
	[0-9]*) echo "$w: number";;
	'') echo empty;;
	esac
done
