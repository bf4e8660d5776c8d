line='a b c lastword'
set -- $line
eval mod=\$$#
echo $mod
line='one "two"'
set -- $line
eval mod=\$$#
eval mod=$mod
echo $mod
