import { UsageError, defineCommand, oneOf, optionalString } from "../command";
import fs from "node:fs";
import { batchJsonl, exportDueBatches, listBatches } from "@/lib/training/batches";
import { collectTrainingRecords } from "@/lib/training/collect";
import { purgeTrainingData } from "@/lib/training/retention";
import { listRuns, runTraining } from "@/lib/training/runs";

const SUBCOMMANDS = ["batch", "list", "export", "run", "runs", "purge"] as const;

export default defineCommand({
  name: "training",
  summary: "Consented training data: collect + export due batches, list them, train, purge (training batch|list|run|runs|purge)",
  usage: "batch | list | export --batch ID --out FILE | run [--batch ID] [--provider offline|openai] [--no-deploy] | runs | purge",
  details: [
    "batch   collects consenting lifters' settled chats and cues as anonymized records, then exports the",
    "        last closed week (Pro, Trainer) and month (Free) as JSONL in OpenAI's chat fine-tuning format.",
    "list    the batches: period, record count, size, sha256.",
    "export  writes one batch's JSONL to a file (e.g. to inspect it or upload it elsewhere).",
    "run     trains on a batch (default: the newest one not trained yet): OpenAI fine-tuning when",
    "        OPENAI_API_KEY is set, otherwise the offline coach's template preferences; deploys when",
    "        validation passes (not with --no-deploy). A failed validation never deploys.",
    "purge   deletes records and batches older than six months.",
    "See docs/training-pipeline.md.",
  ].join("\n"),
  options: { batch: { type: "string" }, out: { type: "string" }, provider: { type: "string" }, "no-deploy": { type: "boolean" } },
  positionals: { min: 1, max: 1 },
  validate(values, positionals) {
    oneOf(positionals[0], SUBCOMMANDS, "subcommand");
    oneOf(optionalString(values, "provider"), ["offline", "openai"] as const, "provider");
    if (positionals[0] !== "run" && (values.batch || values.provider || values["no-deploy"]))
      throw new UsageError("--batch, --provider and --no-deploy go with run");
  },
  async run({ db, values, positionals }) {
    const sub = oneOf(positionals[0], SUBCOMMANDS, "subcommand")!;
    if (sub === "batch") {
      const collected = await collectTrainingRecords(db);
      const batches = await exportDueBatches(db);
      return { collected, batches };
    }
    if (sub === "list") return listBatches(db);
    if (sub === "export") {
      const jsonl = await batchJsonl(db, String(values.batch));
      if (jsonl === null) throw new Error(`no batch ${String(values.batch)}`);
      fs.writeFileSync(String(values.out), jsonl);
      return { out: values.out, bytes: Buffer.byteLength(jsonl) };
    }
    if (sub === "runs") return listRuns(db);
    if (sub === "purge") return purgeTrainingData(db);
    return runTraining(db, {
      batchId: optionalString(values, "batch"),
      provider: oneOf(optionalString(values, "provider"), ["offline", "openai"] as const, "provider"),
      deploy: !values["no-deploy"],
    });
  },
});
