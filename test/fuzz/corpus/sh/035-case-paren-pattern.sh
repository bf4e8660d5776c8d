case b in
(a) echo a;;
(b|c) echo bc;;
esac
