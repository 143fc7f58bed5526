// Helpers for the repository's own scripts. Plain Node, no dependencies: they run before
// `npm install` has, on a fresh clone.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createWriteStream, existsSync, readFileSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function log(message) {
  console.log(`\x1b[36m[setup]\x1b[0m ${message}`);
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

export function hashFiles(files) {
  const hash = createHash("sha256");
  for (const file of files) hash.update(existsSync(file) ? readFileSync(file) : "");
  return hash.digest("hex");
}

/** Runs `step` only when the inputs changed since it last succeeded. */
export function onChange(stampFile, inputs, step) {
  const stamp = path.join(root, stampFile);
  const digest = hashFiles(inputs.map((f) => path.join(root, f)));
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === digest) return false;
  step();
  writeFileSync(stamp, digest);
  return true;
}

export function canConnect(host, port, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on("connect", () => done(true));
    socket.on("error", () => done(false));
  });
}

export function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/**
 * Starts a long-running child. Its output goes to `logFile` when one is given (the terminal
 * then stays readable), else to the terminal prefixed with the child's name.
 */
export function startChild(name, command, args, env, options = {}) {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  if (options.logFile) {
    const file = createWriteStream(options.logFile, { flags: "a" });
    child.stdout.pipe(file, { end: false });
    child.stderr.pipe(file, { end: false });
    return child;
  }
  const prefix = `\x1b[35m${name.padEnd(7)}\x1b[0m| `;
  forwardLines(child.stdout, process.stdout, prefix);
  forwardLines(child.stderr, process.stderr, prefix);
  return child;
}

/** Writes a child's output line by line, each line led by `prefix` (as turbo does). */
export function forwardLines(stream, target, prefix) {
  let buffer = "";
  stream.on("data", (chunk) => {
    buffer += chunk.toString();
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines) target.write(`${prefix}${line}\n`);
  });
  stream.on("end", () => buffer && target.write(`${prefix}${buffer}\n`));
}
