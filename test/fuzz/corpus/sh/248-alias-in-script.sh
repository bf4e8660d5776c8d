alias say='echo said'
say hi
