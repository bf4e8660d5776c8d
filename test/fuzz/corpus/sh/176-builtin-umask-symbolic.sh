umask 022
umask -S
umask u=rwx,g=rx,o=
umask
