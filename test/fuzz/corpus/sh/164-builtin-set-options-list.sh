set -f
case $- in *f*) echo f;; esac
set +f
case $- in *f*) echo still;; *) echo off;; esac
set -o noglob
case $- in *f*) echo f-again;; esac
