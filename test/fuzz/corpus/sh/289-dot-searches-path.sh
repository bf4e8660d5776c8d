mkdir lib
echo 'echo sourced-from-path' > lib/inc_xyz.sh
PATH=$PWD/lib:$PATH
. inc_xyz.sh
