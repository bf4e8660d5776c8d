(trap 'echo cleanup' EXIT; set -e; false; echo no)
echo $?
