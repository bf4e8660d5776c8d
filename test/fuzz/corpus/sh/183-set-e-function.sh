set -e
f() { false; echo after-false; }
f || echo f-failed
echo end
