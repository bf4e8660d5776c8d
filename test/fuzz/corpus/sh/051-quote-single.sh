printf '%s\n' 'a  b'
printf '%s\n' '$HOME `x` \n "q"'
printf '%s\n' 'it''s'
