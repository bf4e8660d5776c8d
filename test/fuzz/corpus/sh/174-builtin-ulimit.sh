ulimit -n >/dev/null && echo ok
(ulimit -n 64; ulimit -n)
