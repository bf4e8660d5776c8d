readonly R=1
(R=2) 2>/dev/null || echo cannot
echo $R
readonly -p | grep -q 'R=' && echo listed
(unset R) 2>/dev/null || echo nounset
