set -- x y z
echo $# $2
set -- "$@" w
echo $# $4
set --
echo $#
