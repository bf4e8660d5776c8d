mkdir bin
printf '#!/bin/sh\necho custom-tool\n' > bin/mytool_xyz
chmod +x bin/mytool_xyz
PATH=$PWD/bin:$PATH
mytool_xyz
