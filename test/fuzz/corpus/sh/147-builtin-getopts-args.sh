set -- -x 1 -y
while getopts x:y o; do echo "$o ${OPTARG-}"; done
echo $OPTIND
