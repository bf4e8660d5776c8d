case a in
a) ;;
esac
echo $?
false
case a in b) ;; esac
echo $?
