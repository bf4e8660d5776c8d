for do in 1; do echo $do; done
x=if
echo $x
case in in in) echo in-in;; esac
