trap 'echo outer' USR1
( trap | grep -q USR1 && echo inherited || echo reset )
trap - USR1
