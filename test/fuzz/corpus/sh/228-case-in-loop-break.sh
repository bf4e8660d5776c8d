for w in a b stop c; do
	case $w in stop) break;; esac
	echo $w
done
