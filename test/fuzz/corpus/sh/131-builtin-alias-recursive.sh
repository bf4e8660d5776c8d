alias echo='echo aliased'
eval 'echo x'
unalias echo
alias a1='echo one;' a2='echo two'
eval 'a1 a2'
