alias ll='echo listing'
eval 'll now'
alias ll
unalias ll
eval 'll' 2>/dev/null || echo gone
