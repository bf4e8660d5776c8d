(export SUBV=1)
echo "${SUBV-unset}"
