echo before
(exit 42)
