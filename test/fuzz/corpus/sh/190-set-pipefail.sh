# expect: busybox
# pipefail: POSIX 2024 and ash; dash 0.5.12 rejects it
set -o pipefail
false | true
echo $?
true | true
echo $?
(exit 3) | (exit 0) | true
echo $?
