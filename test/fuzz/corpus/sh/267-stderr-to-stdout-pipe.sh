sh -c 'echo e >&2' 2>&1 | cat
