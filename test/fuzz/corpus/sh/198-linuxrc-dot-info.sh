cat > udhcpc-eth0.info <<'EOF'
IP=10.0.0.5
ROOTPATH='10.0.0.1:/root'
NEXTSERVER=10.0.0.1
EOF
. ./udhcpc-eth0.info
echo "$IP $ROOTPATH $NEXTSERVER"
