import { CoachToolContext, type CoachToolsOptions } from "./context";
import { logWorkoutTool } from "./log-workout";
import { queryTrainingDataTool } from "./query-training-data";
import { showChartTool } from "./show-chart";

export type { CoachChart, CoachToolsOptions, QueryInfo } from "./context";

/**
 * The coach's tools for one reply. Everything that identifies the user (id, units, time zone) comes
 * from this closure — the server session — never from the model's arguments. Query results stay
 * in the closure so show_chart can only plot data this reply actually queried.
 */
export function createCoachTools(opts: CoachToolsOptions) {
  const ctx = new CoachToolContext(opts);
  return {
    query_training_data: queryTrainingDataTool(ctx),
    show_chart: showChartTool(ctx),
    log_workout: logWorkoutTool(ctx),
  };
}
