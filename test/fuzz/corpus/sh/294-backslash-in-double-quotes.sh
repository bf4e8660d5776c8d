printf '%s\n' "a\\b" "c\$d" "e\fg" "h\"i"
