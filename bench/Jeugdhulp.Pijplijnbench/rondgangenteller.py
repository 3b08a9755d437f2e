# Counts round trips between a client and PostgreSQL (bench/RESULTS.md, session 13): a TCP proxy that parses the client's
# frontend-protocol messages and counts every Sync ('S') and simple Query ('Q') — each ends one exchange the client waits
# for (one Npgsql command or batch) — per label: the first statement of the exchange (the SQL of its first Parse, or of
# the prepared statement its first Bind names). Point the bench's --pg at it with "Port=PORT;SSL Mode=Disable".
#   python3 rondgangenteller.py PORT OUT.json        (the counts are rewritten whenever a connection closes)
import collections, json, socket, struct, sys, threading

POORT, UIT = int(sys.argv[1]), sys.argv[2]
tel = collections.Counter()
slot = threading.Lock()


def schrijf():
    with slot:
        json.dump(tel.most_common(), open(UIT, "w"), indent=0)


def pomp(bron, doel, client):
    buf, opstart, namen, eerste = b"", True, {}, None
    try:
        while True:
            d = bron.recv(65536)
            if not d:
                break
            doel.sendall(d)
            if not client:
                continue
            buf += d
            while True:
                if opstart:  # SSLRequest / GSSENCRequest / StartupMessage: no type byte
                    if len(buf) < 8:
                        break
                    n = struct.unpack("!I", buf[:4])[0]
                    if len(buf) < n:
                        break
                    code = struct.unpack("!I", buf[4:8])[0]
                    buf = buf[n:]
                    opstart = code in (80877103, 80877104)
                    continue
                if len(buf) < 5:
                    break
                t, n = buf[0:1], struct.unpack("!I", buf[1:5])[0]
                if len(buf) < 1 + n:
                    break
                body, buf = buf[5:1 + n], buf[1 + n:]
                if t == b"P":
                    naam, rest = body.split(b"\0", 1)
                    sql = rest.split(b"\0", 1)[0].decode(errors="replace")
                    if naam:
                        namen[naam] = sql
                    eerste = eerste or sql
                elif t == b"B":
                    naam = body.split(b"\0", 2)[1]
                    eerste = eerste or namen.get(naam, "?" + naam.decode())
                elif t in (b"Q", b"S"):
                    label = "Q " + body[:70].decode(errors="replace") if t == b"Q" else (eerste or "-")
                    with slot:
                        tel[" ".join(label.split())[:90]] += 1
                    eerste = None
    except OSError:
        pass
    finally:
        try:
            doel.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        schrijf()


def bedien(c):
    s = socket.create_connection(("127.0.0.1", 5432))
    threading.Thread(target=pomp, args=(c, s, True), daemon=True).start()
    threading.Thread(target=pomp, args=(s, c, False), daemon=True).start()


luister = socket.socket()
luister.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
luister.bind(("127.0.0.1", POORT))
luister.listen(64)
while True:
    bedien(luister.accept()[0])
