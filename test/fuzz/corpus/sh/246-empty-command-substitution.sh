x=$( )
echo "[$x]"
$(true) && echo ran-empty
