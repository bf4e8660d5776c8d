printf 'no-newline' | { read x; echo "$? $x"; }
: | { read x; echo "$? [$x]"; }
