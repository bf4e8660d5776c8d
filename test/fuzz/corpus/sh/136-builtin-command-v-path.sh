f() { :; }
command -v f
alias al=true
command -v al
