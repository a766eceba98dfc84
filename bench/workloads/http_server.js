// The reload case's HTTP server in Node, for PM2's cluster mode (Node only): one short response per
// connection, no keep-alive. argv: PORT MARKER. In cluster mode PM2's master holds the port and hands
// connections to the workers. On SIGINT (PM2's stop signal) or SIGTERM it stops accepting, lets the
// requests under way finish, and exits.
const http = require("http");
const [port, marker] = process.argv.slice(2);
process.title = `http_server ${marker}`;
const server = http.createServer((req, res) => {
  res.writeHead(200, { "Content-Type": "text/plain", Connection: "close" });
  res.end(JSON.stringify({ pid: process.pid }) + "\n"); // as examples/held-socket/server.py answers
});
server.keepAliveTimeout = 0;
server.listen(Number(port), "127.0.0.1", () => {
  if (process.send) process.send("ready"); // PM2's wait_ready
});
const stop = () => server.close(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
