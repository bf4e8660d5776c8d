set -e
(false; echo no-in-subshell) || echo subshell-failed
echo continuing
