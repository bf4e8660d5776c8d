#!/usr/bin/env python3
# test/sh/jobctl.py SH: job control of an interactive SH, driven through a
# pseudo-terminal (sh.test runs it).  Each step types a line (and maybe
# Ctrl-Z / Ctrl-C / Ctrl-D), then "echo @@N@@" and reads up to that marker's
# output, so the step's output is what came before it.  Prints the first
# failed step and exits 1; exits 0 when all pass.
import os, pty, re, select, sys, time

sh = sys.argv[1]
pid, fd = pty.fork()
if pid == 0:
    os.environ.update(PS1='$ ', PS2='> ', ENV='', HISTFILE='')
    os.execv(sh, ['sh', '-i'])

buf = b''
log = []
nmark = 0

def fail(msg):
    print('FAILED: %s\n--- session so far:\n%s' % (msg, b''.join(log).decode(errors='replace')[-3000:]))
    try:
        os.kill(pid, 9)
    except OSError:
        pass
    sys.exit(1)

def read_until(pat, t=10):
    """Output up to and including pat (bytes regex)."""
    global buf
    end = time.time() + t
    while True:
        m = re.search(pat, buf, re.S)
        if m:
            out, buf = buf[:m.end()], buf[m.end():]
            return out
        r, _, _ = select.select([fd], [], [], max(0, end - time.time()))
        if not r:
            fail('no %r within %ds' % (pat, t))
        try:
            d = os.read(fd, 4096)
        except OSError:
            fail('the shell went away waiting for %r' % pat)
        log.append(d)
        buf += d

def send(s):
    os.write(fd, s.encode())

def sync():
    """Everything the shell printed since the last sync, up to a marker."""
    global nmark
    nmark += 1
    time.sleep(0.3)	# typed ahead, the marker's echo could split the step's output
    send('echo @@%d@@\n' % nmark)
    out = read_until(rb'\n@@%d@@\r?\n' % nmark)
    return out.decode(errors='replace').replace('\r', '')

def expect(what, out, pat):
    if not re.search(pat, out, re.S):
        fail('%s: output does not match %r:\n%s' % (what, pat, out))

def stop_after(line, wait=0.5):
    """Run line, let it start, then Ctrl-Z it: the shell must say Stopped."""
    send(line + '\n')
    time.sleep(wait)
    send('\x1a')
    read_until(rb'Stopped')

sync()
# Ctrl-Z stops the foreground job; jobs lists it; bg continues it
stop_after('sleep 30')
expect('jobs after Ctrl-Z', (send('jobs\n'), sync())[1], r'\[1\]\+ +Stopped +sleep 30')
expect('bg', (send('bg\n'), sync())[1], r'\[1\] sleep 30 &')
expect('jobs after bg', (send('jobs\n'), sync())[1], r'\[1\]\+ +Running +sleep 30')
# kill %N and wait %N with job specs
expect('kill %1, wait %1', (send('kill %1; wait %1; echo "st=$?"\n'), sync())[1], r'st=143')
expect('job forgotten after wait', (send('jobs; echo none-left\n'), sync())[1], r'\nnone-left\n')
# fg brings a stopped reader back: it gets the terminal's input again
stop_after('cat')
send('fg %1\n')
read_until(rb'\ncat\r?\n')		# fg names the job it continues
time.sleep(0.3)
send('typed-to-cat\n')
read_until(rb'typed-to-cat\r?\n.*typed-to-cat\r?\n')	# the tty's echo, then cat's copy
send('\x04')				# end of cat's input
expect('status after fg', (send('echo "st=$?"\n'), sync())[1], r'st=0')
# a stopped pipeline, continued with %1, interrupted with Ctrl-C: the
# shell survives, $? is 130, the job is gone
stop_after('sleep 30 | cat')
send('%1\n')
time.sleep(0.5)
send('\x03')
expect('Ctrl-C of the continued pipeline', (send('echo "st=$?"\n'), sync())[1], r'st=130')
expect('no jobs after Ctrl-C', (send('jobs; echo none-left\n'), sync())[1], r'\nnone-left\n')
# a background job's end is reported before a later prompt
expect('background start', (send('sleep 0.2 &\n'), sync())[1], r'\[1\] \d+')
time.sleep(0.6)
expect('Done notice', (send('true\n'), sync())[1], r'\[1\]\+? +Done +sleep 0\.2')
# two stopped jobs: %- and %+ and %N pick the right one
stop_after('sleep 31')
stop_after('sleep 32')
expect('two jobs', (send('jobs\n'), sync())[1], r'\[1\]- +Stopped +sleep 31.*\[2\]\+ +Stopped +sleep 32')
expect('kill %- / %+', (send('kill %-; wait %1; echo "a=$?"; kill -9 %+; wait %2; echo "b=$?"\n'),
                        sync())[1], r'a=143.*b=137')
# the shell is still in charge of the terminal: a command reading it works
send('read x; echo "got=$x"\n')
time.sleep(0.3)
send('line\n')
expect('read after job control', sync(), r'got=line')
send('exit\n')
try:
    _, ws = os.waitpid(pid, 0)
except OSError:
    ws = 0
print('ok')
