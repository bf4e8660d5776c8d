/* true, false - do nothing, successfully or not */
//menu:Shell utilities
//config:config TRUE
//config:	bool "true"
//config:	default y
//config:	help
//config:	  Exit with status 0.
//config:
//config:config FALSE
//config:	bool "false"
//config:	default y
//config:	help
//config:	  Exit with status 1.
//applet:true TRUE true_main NULL
//applet:false FALSE false_main NULL
//usage:true | false
//usage:
//usage:Exit with status 0 (true) or 1 (false), ignoring all arguments.
#include "pxebox.h"

int true_main(int argc, char **argv)
{
	return 0;
}

int false_main(int argc, char **argv)
{
	return 1;
}
