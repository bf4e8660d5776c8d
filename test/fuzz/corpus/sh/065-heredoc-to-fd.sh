cat <<EOF 3<&0
plain
EOF
read line 3<<EOF
from three
EOF
echo "$line"
