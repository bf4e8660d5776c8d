trap 'echo parent-exit' EXIT
(echo sub)
( trap 'echo sub-exit' EXIT; echo sub2 )
