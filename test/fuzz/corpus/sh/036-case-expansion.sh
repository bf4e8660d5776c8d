p='a*'
case abc in $p) echo matched-unquoted;; esac
case abc in "$p") echo no;; *) echo quoted-literal;; esac
case 'a*' in "$p") echo quoted-match;; esac
