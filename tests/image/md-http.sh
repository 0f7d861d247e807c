#!/bin/sh
# md-http.sh DIR: a one-connection HTTP/1.0 file server on stdin/stdout, for QEMU's
# "-netdev user,guestfwd=tcp:ADDR:80-cmd:md-http.sh DIR" (QEMU runs it once per guest connection).
# GET /a/b answers DIR/a/b (200) or 404. While DIR/.down exists it closes the connection without an
# answer (a metadata service that is not reachable yet). Each request is appended to DIR/.requests.
dir=$1
IFS=' ' read -r method path _ || exit 0
path=$(printf '%s' "$path" | tr -d '\r')
while IFS= read -r line; do
  line=$(printf '%s' "$line" | tr -d '\r')
  [ -z "$line" ] && break
done
echo "$method $path" >>"$dir/.requests"
[ -e "$dir/.down" ] && exit 0
case "$path" in
  *..*|"") f= ;;
  *) f=$dir/${path#/} ;;
esac
if [ "$method" = GET ] && [ -n "$f" ] && [ -f "$f" ]; then
  printf 'HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %s\r\nConnection: close\r\n\r\n' "$(wc -c <"$f" | tr -d ' ')"
  cat "$f"
else
  printf 'HTTP/1.0 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 10\r\nConnection: close\r\n\r\nnot found\n'
fi
