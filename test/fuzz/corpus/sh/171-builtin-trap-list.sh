trap 'echo x' INT
trap | grep -c INT
trap - INT
trap | grep -c INT
