umask 027
: > f
mkdir d
ls -ld f d | cut -c1-10
