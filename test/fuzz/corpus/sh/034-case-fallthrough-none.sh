case x in
x) echo first;;
x) echo second;;
esac
case y in
x) echo no;;
esac
echo $?
