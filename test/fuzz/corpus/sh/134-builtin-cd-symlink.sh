mkdir -p real/inner
ln -s real link
cd link/inner
cd ..
basename "$PWD"
pwd -P | sed 's,.*/,,'
