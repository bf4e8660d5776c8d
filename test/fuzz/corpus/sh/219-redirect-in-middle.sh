echo > f a b
cat f
>g echo c
cat g
