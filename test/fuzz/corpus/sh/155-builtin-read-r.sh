printf 'a\\tb c\\\nd\n' | { read x; printf '%s\n' "$x"; }
printf 'a\\tb c\\\nd\n' | { read -r x; printf '%s\n' "$x"; }
