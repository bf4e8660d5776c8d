echo abc | cat | cat | cat | tr b B | cat
