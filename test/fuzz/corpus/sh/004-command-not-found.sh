nosuchcommand_xyz 2>/dev/null
echo $?
./nosuchfile_xyz 2>/dev/null
echo $?
