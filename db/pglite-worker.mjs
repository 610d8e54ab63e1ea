// Runs the embedded PGlite database in its own thread so that a runaway query can be
// stopped by terminating the thread (PGlite ignores statement_timeout and would otherwise
// block the main event loop). Plain .mjs so it is loaded by Node directly, never bundled.
import fs from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite, types } from "@electric-sql/pglite";

// Same identity parsers drizzle's PGlite driver uses: dates/times stay strings so drizzle maps them.
const identity = (v) => v;
const parsers = {
  [types.TIMESTAMP]: identity,
  [types.TIMESTAMPTZ]: identity,
  [types.INTERVAL]: identity,
  [types.DATE]: identity,
  1231: identity,
  1115: identity,
  1185: identity,
  1187: identity,
  1182: identity,
};

let db;
try {
  // loadDataDir: a tarball made by op "dump" (tests start from a migrated template this way).
  const options = workerData.loadDataDir ? { loadDataDir: new Blob([fs.readFileSync(workerData.loadDataDir)]) } : {};
  db = await PGlite.create(workerData.dataDir ?? "memory://", options);
  parentPort.postMessage({ type: "ready" });
} catch (error) {
  parentPort.postMessage({ type: "fatal", message: String(error?.message ?? error) });
}

function serializeError(error) {
  const out = { message: String(error?.message ?? error) };
  for (const k of ["code", "detail", "hint", "constraint", "table", "column", "severity", "position"]) {
    if (error && error[k] !== undefined) out[k] = error[k];
  }
  return out;
}

parentPort.on("message", async (msg) => {
  const { id, op } = msg;
  try {
    if (op === "query") {
      const r = await db.query(msg.sql, msg.params ?? [], { rowMode: msg.rowMode ?? "object", parsers });
      parentPort.postMessage({ id, ok: true, result: { rows: r.rows, fields: r.fields, affectedRows: r.affectedRows ?? 0 } });
    } else if (op === "exec") {
      const rs = await db.exec(msg.sql);
      const last = rs[rs.length - 1];
      parentPort.postMessage({ id, ok: true, result: { rows: last?.rows ?? [], fields: last?.fields ?? [], affectedRows: last?.affectedRows ?? 0 } });
    } else if (op === "dump") {
      const blob = await db.dumpDataDir("none");
      fs.writeFileSync(msg.path, Buffer.from(await blob.arrayBuffer()));
      parentPort.postMessage({ id, ok: true, result: null });
    } else if (op === "close") {
      await db.close();
      parentPort.postMessage({ id, ok: true, result: null });
    } else {
      throw new Error(`unknown op ${op}`);
    }
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: serializeError(error) });
  }
});
