#!/usr/bin/env bash
# `uprgen serve`, as a user meets it: it starts on a free loopback port
# and serves the site; a page carries the reload script; a changed YAML
# file shows in the page within a second and the open page's event stream
# says "reload"; a broken YAML file makes every page its error, with file,
# line and column, until it is fixed; nothing is served from outside the
# site; it listens on 127.0.0.1 only; SIGINT stops it cleanly (exit 0),
# an event stream open.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
: "${UPRGEN:?}"
tmp=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
mkdir -p "$tmp/proj"
cp -r "$root/tests/site/fixture/content" "$tmp/proj/"
"$UPRGEN" serve -C "$tmp/proj" --port 0 >"$tmp/out" 2>"$tmp/err" &
pid=$!
python3 - "$tmp" "$pid" <<'PY'
import os, re, signal, socket, sys, threading, time, urllib.request, urllib.error
tmp, pid = sys.argv[1], int(sys.argv[2])
passed = failed = 0
def check(ok, what):
    global passed, failed
    if ok: passed += 1
    else:
        failed += 1
        print("FAIL", what)
def done():
    print("serve: %d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)
def get(url, timeout=5):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")
base = None
for _ in range(300):
    m = re.search(r"serving (http://127\.0\.0\.1:(\d+)/)", open(os.path.join(tmp, "out")).read())
    if m:
        base, port = m.group(1), int(m.group(2)); break
    time.sleep(0.05)
check(base is not None, "serve printed no address: " + open(os.path.join(tmp, "err")).read()[-500:])
if base is None:
    done()
st, page = get(base + "en/index.html")
check(st == 200 and "Mid-term report of" in page, "the dashboard is not served (%d)" % st)
check("/__uprgen/events" in page, "the page has no reload script")
st, _ = get(base)
check(st == 200, "/ gives %d" % st)
st, _ = get(base + "assets/favicon.svg")
check(st == 200, "an asset gives %d" % st)
st, _ = get(base + "en/no-such-page.html")
check(st == 404, "an unknown page gives %d" % st)
# a language's folder without its final slash: sent to it with the slash
# (shown as it was, every relative link of the page led astray)
import http.client
hc = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
hc.request("GET", "/en")
r = hc.getresponse(); r.read()
check(r.status == 301 and r.getheader("Location") == "/en/",
      "/en gives %d, Location %r" % (r.status, r.getheader("Location")))
hc.close()
# nothing from outside the site, however the path is spelled
s = socket.create_connection(("127.0.0.1", port))
s.sendall(b"GET /../../../../etc/passwd HTTP/1.0\r\n\r\n")
answer = s.recv(200).decode("latin-1"); s.close()
check(" 404 " in answer.split("\r\n")[0], "a path out of the site gives " + answer.split("\r\n")[0])
# the loopback only
ss = open("/proc/net/tcp").read() + open("/proc/net/tcp6").read()
mine = [l for l in ss.splitlines()[1:] if l.split()[1].endswith(":%04X" % port) and l.split()[3] == "0A"]
check(mine and all(l.split()[1].startswith("0100007F:") for l in mine), "listens beyond the loopback: %s" % mine)
# an open page's event stream
events = []
def listen():
    try:
        with urllib.request.urlopen(base + "__uprgen/events", timeout=10) as r:
            events.append(r.readline().decode())
    except Exception as e:
        events.append(repr(e))
t = threading.Thread(target=listen); t.start()
time.sleep(0.3)
yaml = os.path.join(tmp, "proj", "content", "report.yaml")
text = open(yaml).read()
start = time.monotonic()
with open(yaml, "w") as f:
    f.write(text.replace("en: Mid-term report of", "en: Halfway report of"))
seen = None
while time.monotonic() - start < 1.0:
    if "Halfway report of" in get(base + "en/index.html")[1]:
        seen = time.monotonic() - start; break
    time.sleep(0.02)
check(seen is not None, "the change was not in the page within a second")
t.join(5)
check(events and events[0].startswith("data: reload"), "the event stream said %r" % events)
# a broken file: the error, with its place, on every page
with open(yaml, "a") as f:
    f.write("state: [\n")
err = ""
for _ in range(100):
    err = get(base + "en/report.html")[1]
    if "error:" in err: break
    time.sleep(0.02)
check(re.search(r"content/report\.yaml:\d+:\d+: error:", err) is not None, "no error page: " + err[:300])
check("/__uprgen/events" in err, "the error page does not reload")
check('name="viewport"' in err, "the error page is laid out for a desktop on a phone")
# an error among the fixture's warnings: shown before them, where the eye
# falls (last of a score of lines, it was out of sight)
recs = os.path.join(tmp, "proj", "content", "recommendations.yaml")
recs_text = open(recs).read()
with open(recs, "a") as f:
    f.write("\n- {id: '99.1', text: Ratify, states: [Chile], position: supported, cluster: %s, status: implemnted}\n"
            % re.search(r"cluster: ([a-z-]+)", recs_text).group(1))
with open(yaml, "w") as f:
    f.write(text)
for _ in range(100):
    err = get(base + "en/report.html")[1]
    if "implemnted" in err: break
    time.sleep(0.02)
first_error, first_warning = err.find(": error:"), err.find(": warning:")
check("recommendations.yaml" in err[max(first_error - 80, 0):first_error] and first_warning > first_error,
      "the error not before the warnings on the error page (%d, %d)" % (first_error, first_warning))
with open(recs, "w") as f:
    f.write(recs_text)
ok = False
for _ in range(100):
    st, page = get(base + "en/index.html")
    if "Mid-term report of" in page and "error:" not in page:
        ok = True; break
    time.sleep(0.02)
check(ok, "the page did not come back once the file was fixed")
# SIGINT, an event stream open (the exit status: checked by the shell)
t = threading.Thread(target=listen); t.start()
time.sleep(0.2)
os.kill(pid, signal.SIGINT)
def alive():
    try:
        return open("/proc/%d/stat" % pid).read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False
for _ in range(100):
    if not alive(): break
    time.sleep(0.05)
check(not alive(), "still running 5 s after SIGINT")
t.join(2)
done()
PY
status=$?
wait "$pid" 2>/dev/null
code=$?
# a folder with no project: an error at once, as build says it, no server
# left running for nothing
timeout 5 "$UPRGEN" serve -C "$tmp/none" --port 0 >/dev/null 2>"$tmp/none.err"
none=$?
if ((none != 1)) || ! grep -q "none/content: error: no content folder here" "$tmp/none.err"; then
	echo "FAIL serve -C a folder with no project: exit $none, $(head -c 300 "$tmp/none.err")"
	echo "serve: 0 passed, 1 failed"
	exit 1
fi
if ((status == 0 && code != 0)); then
	echo "FAIL serve exited $code after SIGINT"
	tail -5 "$tmp/err"
	echo "serve: 0 passed, 1 failed"
	exit 1
fi
exit $status
