case '*' in '*') echo literal-star;; esac
case 'ab' in "a"*) echo quoted-prefix;; esac
