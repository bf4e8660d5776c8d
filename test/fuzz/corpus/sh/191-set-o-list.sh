set -o errexit
case $- in *e*) echo e-on;; esac
set +o errexit
case $- in *e*) echo still;; *) echo e-off;; esac
