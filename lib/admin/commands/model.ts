import { UsageError, defineCommand, oneOf } from "../command";
import { deployModel, listModelVersions, rollbackModel } from "@/lib/training/registry";

const SUBCOMMANDS = ["list", "deploy", "rollback"] as const;

export default defineCommand({
  name: "model",
  summary: "The model registry: list versions, deploy a validated one, roll back (model list|deploy V|rollback)",
  usage: "list | deploy VERSION | rollback",
  details: [
    "Exactly one version is deployed (a database constraint); only versions whose validation passed can be",
    "deployed; the two previously deployed versions stay available for rollback. See docs/training-pipeline.md.",
  ].join("\n"),
  options: {},
  positionals: { min: 1, max: 2 },
  validate(_values, positionals) {
    const sub = oneOf(positionals[0], SUBCOMMANDS, "subcommand");
    if (sub === "deploy" && !positionals[1]) throw new UsageError("deploy needs a VERSION, e.g. model deploy 1.2.0");
    if (sub !== "deploy" && positionals[1]) throw new UsageError(`${sub} takes no VERSION`);
  },
  async run({ db, positionals }) {
    const sub = oneOf(positionals[0], SUBCOMMANDS, "subcommand")!;
    if (sub === "deploy") {
      const row = await deployModel(db, positionals[1]);
      return { deployed: row.version, provider: row.provider, metrics: row.metrics };
    }
    if (sub === "rollback") return rollbackModel(db);
    return (await listModelVersions(db)).map((v) => ({
      version: v.version,
      provider: v.provider,
      status: v.status,
      metrics: v.metrics,
      externalModel: v.externalModel,
      createdAt: v.createdAt,
      deployedAt: v.deployedAt,
    }));
  },
});
