echo ${0##*/}
sh -c 'echo $0' myname
sh -c 'echo $0 $1' myname arg
