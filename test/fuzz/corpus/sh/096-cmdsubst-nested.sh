echo $(echo $(echo $(echo deep)))
echo "$(echo "$(echo "in quotes")")"
