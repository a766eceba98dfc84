// The same tiny TCP server as tcp_server.py, in Node, the runtime PM2 is built for: accepts, answers
// one line, closes. argv: PORT MARKER. PM2 runs a .js app inside its ProcessContainerFork.js, so the
// marker is put in the process title, where the benchmark finds it in /proc whoever started us.
const net = require("net");
const [port, marker] = process.argv.slice(2);
process.title = `tcp_server ${marker}`;
net.createServer((c) => c.end("ok\n")).listen(Number(port), "127.0.0.1");
