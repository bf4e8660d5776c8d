# six commands in one and-or list: the operator table grows past its
# first four entries (a one-byte overflow there once went unseen)
true && true && true && true && true && true
