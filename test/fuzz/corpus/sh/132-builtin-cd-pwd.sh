mkdir -p sub/deeper
cd sub
basename "$(pwd)"
cd deeper
basename "$PWD"
cd ..
basename "$PWD"
cd - >/dev/null
basename "$PWD"
