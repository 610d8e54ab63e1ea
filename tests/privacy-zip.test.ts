import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { zipStream } from "@/lib/privacy/zip";
import { collect, readZip } from "./helpers/zip-reader";

function hasUnzip(): boolean {
  try {
    execFileSync("unzip", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

async function* slowly(parts: string[]) {
  for (const p of parts) {
    await new Promise((r) => setImmediate(r));
    yield p;
  }
}

describe("store-only streaming ZIP writer", () => {
  const entries = () => [
    { name: "a.json", content: slowly(['{"x":', "1}"]) },
    { name: "dir/ü-unicode.txt", content: ["héllo ", Buffer.from("wörld\n")] },
    { name: "empty.txt", content: [] },
    {
      name: "big.bin",
      content: (function* () {
        for (let i = 0; i < 40; i++) yield Buffer.alloc(50_000, i);
      })(),
    },
  ];

  it("writes an archive a reader opens with every byte and CRC intact", async () => {
    const { bytes } = await collect(zipStream(entries()));
    const files = readZip(bytes);
    expect([...files.keys()]).toEqual(["a.json", "dir/ü-unicode.txt", "empty.txt", "big.bin"]);
    expect(files.get("a.json")!.toString()).toBe('{"x":1}');
    expect(files.get("dir/ü-unicode.txt")!.toString()).toBe("héllo wörld\n");
    expect(files.get("empty.txt")!.length).toBe(0);
    expect(files.get("big.bin")!.length).toBe(2_000_000);
    expect(files.get("big.bin")![1_999_999]).toBe(39);
  });

  it("streams: output starts before the last entry's content is produced", async () => {
    let produced = 0;
    const gen = zipStream([
      {
        name: "lazy.txt",
        content: (async function* () {
          for (let i = 0; i < 5; i++) {
            produced++;
            yield `line ${i}\n`;
          }
        })(),
      },
    ]);
    await gen.next(); // local header
    await gen.next(); // name
    await gen.next(); // first chunk
    expect(produced).toBe(1);
    await gen.return(undefined);
  });

  it.runIf(hasUnzip())("passes `unzip -t` and extracts with `unzip`", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spotter-zip-"));
    try {
      const file = path.join(dir, "x.zip");
      fs.writeFileSync(file, (await collect(zipStream(entries()))).bytes);
      const test = execFileSync("unzip", ["-t", file], { encoding: "utf8" });
      expect(test).toMatch(/No errors detected/);
      execFileSync("unzip", ["-q", file, "-d", path.join(dir, "out")]);
      expect(fs.readFileSync(path.join(dir, "out", "a.json"), "utf8")).toBe('{"x":1}');
      expect(fs.statSync(path.join(dir, "out", "big.bin")).size).toBe(2_000_000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
