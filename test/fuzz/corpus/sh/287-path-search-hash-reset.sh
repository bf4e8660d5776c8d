mkdir b1 b2
printf '#!/bin/sh\necho one\n' > b1/tool_xyz
printf '#!/bin/sh\necho two\n' > b2/tool_xyz
chmod +x b1/tool_xyz b2/tool_xyz
PATH=$PWD/b1:$PATH
tool_xyz
PATH=$PWD/b2:$PATH
tool_xyz
