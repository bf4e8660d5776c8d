f() { echo inside; } > out
f
cat out
